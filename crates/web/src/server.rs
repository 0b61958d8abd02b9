//! The server shell: what a server is configured with (`WebConfig`), and `Server`, which starts
//! the committer and the background workers, hands out the router, serves, and on shutdown
//! drains in-flight submissions, stops the workers and gives up their leases.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use consulta_blobs::BlobStore;
use consulta_index::SearchIndex;
use consulta_intake::committer::{Committer, CommitterThread};
use consulta_intake::submission::Limits;
use consulta_store::Database;
use consulta_store::log_key::LogSigner;
use tokio::net::TcpListener;

use crate::render::Templates;
use crate::workers::Workers;
use crate::{App, PublicUrl, api, listener, open_data};

/// The memory that submissions being read may hold at once (at least one at its largest).
const UPLOAD_MEMORY: u64 = 512 << 20;
/// How long the committer has, once the last connection is closed, to record what is queued.
const COMMITTER_DRAIN: Duration = Duration::from_secs(30);

/// What the web front serves from.
#[derive(Debug, Clone)]
pub struct WebConfig {
    pub database: Database,
    pub blobs: Arc<dyn BlobStore>,
    pub limits: Limits,
    /// This server's search index; the server keeps it caught up with the store.
    pub index: Arc<SearchIndex>,
    /// Unverified contributions accepted per network address per hour (0: no limit).
    pub unverified_per_hour: usize,
    /// Sends the outbox's email.
    pub mailer: Arc<consulta_mail::Mailer>,
    /// The address every absolute link is built from.
    pub public_url: PublicUrl,
    /// Connections served at once.
    pub max_connections: usize,
    /// How attachments' text is extracted (in a bounded child process, for a server).
    pub extractor: consulta_extract::Extractor,
    /// Signs the log's tree heads (the key is never in the database) and journals them.
    pub signer: Arc<LogSigner>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (for rate limits).
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The demonstration's accounts, shown on the home page (empty but for `consulta demo`).
    pub demo_accounts: Vec<DemoAccount>,
}

/// An account of the demonstration, whose sign-in details the home page shows: it exists only in
/// the demo's throwaway database.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    pub role: consulta_core::access::Role,
    pub email: String,
    pub password: String,
    /// The entity a focal point acts for.
    pub entity: Option<String>,
}

/// A started server: its committer and workers running (the search index taken), so that
/// whatever can refuse to start has refused before anyone is told where the server is.
pub struct Server {
    app: App,
    workers: Workers,
    committer: CommitterThread,
    max_connections: usize,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server").field("max_connections", &self.max_connections).finish_non_exhaustive()
    }
}

impl Server {
    /// Starts the committer and the background workers `config` asks for.
    pub fn start(config: WebConfig) -> std::io::Result<Server> {
        let workers = Workers::start(&config)?;
        let (committer, committer_thread) = Committer::start(config.database.clone(), config.signer.clone())?;
        let app = App {
            committer,
            database: config.database,
            blobs: config.blobs,
            limits: config.limits,
            templates: Arc::new(Templates::new()),
            index: config.index,
            unverified_per_hour: config.unverified_per_hour as u64,
            public_url: Arc::new(config.public_url),
            health: workers.health(),
            upload_budget: api::UploadBudget::new(UPLOAD_MEMORY, config.limits),
            open_data: Arc::new(open_data::OpenDataCache::default()),
            signer: config.signer,
            trusted_proxies: Arc::new(config.trusted_proxies),
            demo_accounts: Arc::new(config.demo_accounts),
            classifiers: Arc::default(),
            consultations: Arc::default(),
            agreement: Arc::default(),
        };
        Ok(Server { app, workers, committer: committer_thread, max_connections: config.max_connections })
    }

    /// Every page and API route of this server, to serve or to call in-process.
    pub fn router(&self) -> Router {
        crate::router(self.app.clone())
    }

    /// Serves on `listener` until the process is asked to stop (Ctrl-C or SIGTERM), then stops.
    pub async fn serve(self, listener: TcpListener) -> std::io::Result<()> {
        let served = listener::serve_connections(listener, self.router(), self.max_connections).await;
        tokio::task::spawn_blocking(move || self.stop()).await.map_err(std::io::Error::other)?;
        served
    }

    /// Stops the server (blocking): the submissions already queued are recorded and their
    /// acknowledgements queued, then the workers stop after their current round and give up
    /// their leases, so that another server takes over extraction and email at once.
    pub fn stop(self) {
        let Server { app, workers, committer, .. } = self;
        // The committer ends when its last handle goes: the app's, once no request holds one.
        drop(app);
        if !committer.finish(COMMITTER_DRAIN) {
            tracing::warn!("the committer had not finished recording when the server stopped");
        }
        workers.stop();
    }
}

/// Serves the server `config` describes on `listener` until the process is asked to stop.
pub async fn serve(listener: TcpListener, config: WebConfig) -> std::io::Result<()> {
    Server::start(config)?.serve(listener).await
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use axum::http::{Request, StatusCode, header};
    use tower::ServiceExt;

    use super::*;

    fn config(record: consulta_testkit::TempRecord) -> (tempfile::TempDir, WebConfig) {
        let consulta_testkit::TempRecord { dir, database, blobs, signer, .. } = record;
        let config = WebConfig {
            database,
            blobs: Arc::new(blobs),
            limits: Limits::default(),
            index: Arc::new(SearchIndex::open(&dir.path().join("index")).expect("index")),
            unverified_per_hour: 0,
            mailer: Arc::new(
                consulta_mail::Mailer::new(
                    consulta_mail::Delivery::configure(None, dir.path().join("outbox")).expect("outbox"),
                    "consulta@localhost",
                    60,
                )
                .expect("mailer"),
            ),
            public_url: PublicUrl::local(([127, 0, 0, 1], 8080).into()),
            max_connections: 16,
            extractor: consulta_extract::Extractor::InProcess,
            signer: Arc::new(signer),
            trusted_proxies: Vec::new(),
            demo_accounts: Vec::new(),
        };
        (dir, config)
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_router_runs_in_process_with_request_ids_compression_and_a_clean_stop() {
        let (_dir, config) = config(consulta_testkit::TempRecord::with(consulta_testkit::open_consultation("open")));
        let database = config.database.clone();
        let server = Server::start(config).expect("server");

        // A client's own request id is replaced by the server's, which the answer carries.
        let request = Request::get("/healthz").header("x-request-id", "forged-by-the-client").body(Body::empty());
        let answer = server.router().oneshot(request.expect("request")).await.expect("answer");
        assert_eq!(answer.status(), StatusCode::OK);
        let id = answer.headers().get("x-request-id").expect("a request id").to_str().expect("ascii");
        assert!(id != "forged-by-the-client" && id.len() == 36, "a UUID, not the client's: {id}");

        // Pages are compressed for a client that accepts it; the stylesheet too.
        for path in ["/", "/static/consulta.css"] {
            let request = Request::get(path).header(header::ACCEPT_ENCODING, "gzip").body(Body::empty());
            let answer = server.router().oneshot(request.expect("request")).await.expect("answer");
            assert_eq!(answer.status(), StatusCode::OK, "{path}");
            assert_eq!(answer.headers().get(header::CONTENT_ENCODING).map(|v| v.as_bytes()), Some(&b"gzip"[..]));
        }

        // Stopped, the server gives up its jobs' leases: another server takes them at once.
        let holds_sweep = || {
            let mut store = database.connect().expect("store");
            let now = jiff::Timestamp::now();
            // A lease that expires as it is taken: it does not keep the server from the job.
            !store.claim_lease("sweep", "a probe", now, now).expect("claim")
        };
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while !holds_sweep() {
            assert!(std::time::Instant::now() < deadline, "the server never took the sweep job");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::task::spawn_blocking(move || server.stop()).await.expect("stopped");
        assert!(!holds_sweep(), "the lease is free once the server stopped");
        assert!(database.connect().expect("store").is_usable());
    }
}
