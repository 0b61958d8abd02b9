//! Attachments in S3-compatible object storage, for several servers sharing one store of
//! files: `s3://bucket/prefix?endpoint=http://host:9000&region=us-east-1` (any of object_store's
//! S3 settings may be given so). Credentials come from the usual AWS variables
//! (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) rather than the location, which is shown in logs. Objects are named by the
//! hexadecimal SHA-256 of their bytes, like the local store's files, and checked when read.

use std::sync::Arc;

use consulta_log::{Hash, sha256, to_hex};
use object_store::aws::{AmazonS3, AmazonS3Builder, AmazonS3ConfigKey};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStore, PutPayload};

use crate::{BlobError, BlobStore, Referenced, SET_ASIDE, SweepReport};

/// An S3 bucket (and key prefix) holding blobs.
#[derive(Debug)]
pub struct S3Blobs {
    store: Arc<AmazonS3>,
    prefix: String,
    location: String,
    /// The calls are async; the blob store is not. Its own runtime runs them, so a caller on
    /// any thread (a blocking task of the web server's runtime included) can wait for them.
    runtime: Option<tokio::runtime::Runtime>,
}

impl Drop for S3Blobs {
    fn drop(&mut self) {
        // Dropped from async code (a server shutting down), a runtime must not block.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl S3Blobs {
    /// Opens the bucket a `s3://bucket/prefix?endpoint=…&region=…` location names.
    pub fn open(location: &str) -> Result<S3Blobs, BlobError> {
        let bad = |message: String| BlobError::Location { location: location.to_owned(), message };
        let rest = location.strip_prefix("s3://").ok_or_else(|| bad("it does not start with s3://".into()))?;
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (bucket, prefix) = path.split_once('/').unwrap_or((path, ""));
        if bucket.is_empty() {
            return Err(bad("it names no bucket".into()));
        }
        let mut builder = AmazonS3Builder::from_env().with_bucket_name(bucket);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let config: AmazonS3ConfigKey =
                key.parse().map_err(|_| bad(format!("unknown parameter '{key}' (endpoint, region, …)")))?;
            if matches!(config, AmazonS3ConfigKey::Endpoint) {
                builder = builder.with_allow_http(value.starts_with("http://"));
            }
            builder = builder.with_config(config, value);
        }
        let store = builder.build().map_err(|e| bad(e.to_string()))?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("consulta-s3")
            .enable_all()
            .build()
            .map_err(|e| bad(e.to_string()))?;
        Ok(S3Blobs {
            store: Arc::new(store),
            prefix: prefix.trim_matches('/').to_owned(),
            location: format!("s3://{path}"),
            runtime: Some(runtime),
        })
    }

    fn key(&self, hash: &Hash) -> ObjectPath {
        let hex = to_hex(hash);
        self.under(&format!("{}/{}", &hex[..2], &hex[2..]))
    }

    /// `path` under the store's prefix.
    fn under(&self, path: &str) -> ObjectPath {
        if self.prefix.is_empty() {
            ObjectPath::from(path)
        } else {
            ObjectPath::from(format!("{}/{path}", self.prefix))
        }
    }

    /// Where a blob is set aside (`<hash>/<seconds>`: a "directory" per hash, since object
    /// stores list by whole path segments).
    fn set_aside_key(&self, hash: &Hash, at: std::time::SystemTime) -> ObjectPath {
        let seconds = at.duration_since(std::time::SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        self.under(&format!("{SET_ASIDE}/{}/{seconds}", to_hex(hash)))
    }

    fn list(&self, prefix: ObjectPath) -> Result<object_store::ListResult, BlobError> {
        let store = self.store.clone();
        self.wait(async move { store.list_with_delimiter(Some(&prefix)).await }).map_err(|e| self.remote(e))
    }

    fn rename(&self, from: ObjectPath, to: ObjectPath) -> Result<(), BlobError> {
        let store = self.store.clone();
        self.wait(async move { store.rename(&from, &to).await }).map_err(|e| self.remote(e))
    }

    /// Puts a blob a sweep set aside back in its place; false if none is set aside.
    fn restore_set_aside(&self, hash: &Hash) -> Result<bool, BlobError> {
        let listed = self.list(self.under(&format!("{SET_ASIDE}/{}", to_hex(hash))))?;
        match listed.objects.into_iter().next() {
            Some(meta) => {
                self.rename(meta.location, self.key(hash))?;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Runs `future` on the store's runtime and waits for it.
    fn wait<T: Send + 'static>(
        &self,
        future: impl Future<Output = object_store::Result<T>> + Send + 'static,
    ) -> object_store::Result<T> {
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        if let Some(runtime) = &self.runtime {
            runtime.spawn(async move {
                let _ = send.send(future.await);
            });
        }
        receive.recv().unwrap_or_else(|_| {
            Err(object_store::Error::Generic { store: "S3", source: "the S3 runtime stopped".into() })
        })
    }

    fn remote(&self, error: object_store::Error) -> BlobError {
        BlobError::Remote { location: self.location.clone(), message: error.to_string() }
    }
}

impl BlobStore for S3Blobs {
    fn put(&self, bytes: &[u8]) -> Result<Hash, BlobError> {
        let hash = sha256(bytes);
        let key = self.key(&hash);
        let store = self.store.clone();
        let (head_key, head_store) = (key.clone(), store.clone());
        // The same bytes are stored once: an object already there is the same content.
        match self.wait(async move { head_store.head(&head_key).await }) {
            Ok(_) => return Ok(hash),
            Err(object_store::Error::NotFound { .. }) => {}
            Err(e) => return Err(self.remote(e)),
        }
        let payload = PutPayload::from(bytes.to_vec());
        // S3 answers a PUT only once the object is stored durably.
        self.wait(async move { store.put(&key, payload).await }).map_err(|e| self.remote(e))?;
        Ok(hash)
    }

    fn get(&self, sha256_wanted: &Hash) -> Result<Option<Vec<u8>>, BlobError> {
        let key = self.key(sha256_wanted);
        let store = self.store.clone();
        match self.wait(async move { store.get(&key).await?.bytes().await }) {
            Ok(bytes) if &sha256(&bytes) == sha256_wanted => Ok(Some(bytes.to_vec())),
            Ok(_) => Err(BlobError::Damaged(to_hex(sha256_wanted))),
            // A sweep may have set it aside a moment before a record named it.
            Err(object_store::Error::NotFound { .. }) => match self.restore_set_aside(sha256_wanted)? {
                true => self.get(sha256_wanted),
                false => Ok(None),
            },
            Err(e) => Err(self.remote(e)),
        }
    }

    fn sweep(&self, before: std::time::SystemTime, referenced: Referenced<'_>) -> Result<SweepReport, BlobError> {
        let mut report = SweepReport::default();
        // First what earlier sweeps set aside: back if a record names it, gone if not.
        for hash_dir in self.list(self.under(SET_ASIDE))?.common_prefixes {
            let Some(hash) = hash_dir.filename().and_then(consulta_log::from_hex) else { continue };
            if referenced(&hash) {
                report.restored += u64::from(self.restore_set_aside(&hash)?);
                continue;
            }
            for meta in self.list(hash_dir)?.objects {
                let at = meta.location.filename().and_then(|s| s.parse::<u64>().ok()).unwrap_or(u64::MAX);
                if std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(at) < before {
                    let store = self.store.clone();
                    self.wait(async move { store.delete(&meta.location).await }).map_err(|e| self.remote(e))?;
                    report.removed += 1;
                }
            }
        }
        // Then the store: unreferenced blobs older than the grace period set aside. (An object
        // store writes whole objects: there are no partial files.)
        let root = if self.prefix.is_empty() { ObjectPath::default() } else { ObjectPath::from(self.prefix.as_str()) };
        for shard in self.list(root)?.common_prefixes {
            let Some(shard_name) = shard.filename().filter(|n| n.len() == 2).map(str::to_owned) else { continue };
            for meta in self.list(shard)?.objects {
                if std::time::SystemTime::from(meta.last_modified) >= before {
                    continue;
                }
                let name = meta.location.filename().unwrap_or_default();
                let Some(hash) = consulta_log::from_hex(&format!("{shard_name}{name}")) else { continue };
                if !referenced(&hash) {
                    self.rename(meta.location, self.set_aside_key(&hash, std::time::SystemTime::now()))?;
                    report.set_aside += 1;
                }
            }
        }
        Ok(report)
    }
}
