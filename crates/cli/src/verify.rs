//! `consulta verify`: checks a receipt against a running instance, as any contributor or
//! reader may. It checks the receipt holds together (its tree head is signed and proves the
//! leaf), that the instance's log now is an extension of the tree the receipt saw (consistency
//! proof), that the leaf is still there, and that the published record still hashes to the
//! receipt's SHA-256.

use anyhow::Context;
use consulta_i18n::{Arg, Localizer};
use consulta_intake::submission::{Receipt, TreeHeadJson};
use consulta_log::{Hash, from_hex, leaf_hash, sha256, to_hex, verify_consistency, verify_inclusion};
use serde::Deserialize;

/// What the check found.
#[derive(Debug, PartialEq, Eq)]
pub enum Finding {
    Intact { leaf: u64, old_size: u64, new_size: u64 },
    Withheld { leaf: u64, new_size: u64, reason: String },
    ReceiptInvalid(&'static str),
    KeyChanged,
    BadSignature,
    LogRewritten,
    NotIncluded,
    RecordChanged,
}

impl Finding {
    pub fn is_good(&self) -> bool {
        matches!(self, Finding::Intact { .. } | Finding::Withheld { .. })
    }

    pub fn describe(&self, receipt: &Receipt, localizer: &Localizer) -> String {
        let id = Arg::Number(receipt.id as f64);
        match self {
            Finding::Intact { leaf, old_size, new_size } => localizer.format(
                "verify-ok",
                &[
                    ("id", id),
                    ("sha256", receipt.sha256.as_str().into()),
                    ("entry", (*leaf).into()),
                    ("old", (*old_size).into()),
                    ("new", (*new_size).into()),
                ],
            ),
            Finding::Withheld { leaf, new_size, reason } => localizer.format(
                "verify-withheld",
                &[
                    ("id", id),
                    ("entry", (*leaf).into()),
                    ("new", (*new_size).into()),
                    ("reason", reason.as_str().into()),
                ],
            ),
            Finding::ReceiptInvalid(detail) => {
                localizer.format("verify-receipt-invalid", &[("detail", (*detail).into())])
            }
            Finding::KeyChanged => localizer.text("verify-key-changed"),
            Finding::BadSignature => localizer.text("verify-bad-signature"),
            Finding::LogRewritten => localizer.text("verify-log-rewritten"),
            Finding::NotIncluded => localizer.text("verify-not-included"),
            Finding::RecordChanged => localizer.format("verify-record-changed", &[("id", id)]),
        }
    }
}

#[derive(Deserialize)]
struct TreeHeadResponse {
    #[serde(flatten)]
    head: TreeHeadJson,
    public_key: String,
}

#[derive(Deserialize)]
struct InclusionResponse {
    leaf_index: u64,
    sha256: String,
    inclusion_proof: Vec<String>,
}

#[derive(Deserialize)]
struct ConsistencyResponse {
    consistency_proof: Vec<String>,
}

#[derive(Deserialize)]
struct ErrorResponse {
    message: String,
}

fn hashes(hex: &[String]) -> Option<Vec<Hash>> {
    hex.iter().map(|h| from_hex::<32>(h)).collect()
}

/// Checks `receipt` against the instance at `server`.
pub async fn verify(receipt: &Receipt, server: &str) -> anyhow::Result<Finding> {
    let server = server.trim_end_matches('/');
    // The receipt on its own.
    let (Some(record_sha256), Some(public_key), Some(signed), Some(proof)) = (
        from_hex::<32>(&receipt.sha256),
        from_hex::<32>(&receipt.log.public_key),
        receipt.log.signed_tree_head.parse(),
        hashes(&receipt.log.inclusion_proof),
    ) else {
        return Ok(Finding::ReceiptInvalid("not hexadecimal"));
    };
    if signed.verify(&public_key).is_err() {
        return Ok(Finding::ReceiptInvalid("signature"));
    }
    let leaf = leaf_hash(&record_sha256);
    let old = signed.head;
    if old.size != receipt.log.tree_size
        || !verify_inclusion(&leaf, receipt.log.leaf_index, old.size, &proof, &old.root)
    {
        return Ok(Finding::ReceiptInvalid("inclusion proof"));
    }

    let client = reqwest::Client::builder().timeout(std::time::Duration::from_secs(60)).build()?;
    let get = |path: String| {
        let client = client.clone();
        let url = format!("{server}{path}");
        async move { client.get(&url).send().await.with_context(|| url.clone()) }
    };

    // The log as it is now, signed by the same key.
    let now: TreeHeadResponse = get("/api/v1/log/tree-head".into()).await?.error_for_status()?.json().await?;
    if from_hex::<32>(&now.public_key) != Some(public_key) {
        return Ok(Finding::KeyChanged);
    }
    let Some(current) = now.head.parse() else { return Ok(Finding::BadSignature) };
    if current.verify(&public_key).is_err() {
        return Ok(Finding::BadSignature);
    }
    if current.head.size < old.size {
        return Ok(Finding::LogRewritten);
    }
    let consistency: ConsistencyResponse =
        get(format!("/api/v1/log/consistency?from={}&to={}", old.size, current.head.size))
            .await?
            .error_for_status()?
            .json()
            .await?;
    let Some(consistency) = hashes(&consistency.consistency_proof) else { return Ok(Finding::LogRewritten) };
    if !verify_consistency(old.size, current.head.size, &old.root, &current.head.root, &consistency) {
        return Ok(Finding::LogRewritten);
    }

    // The leaf is still there, in the tree as it now is.
    let response =
        get(format!("/api/v1/log/inclusion?contribution={}&tree_size={}", receipt.id, current.head.size)).await?;
    if response.status() == reqwest::StatusCode::NOT_FOUND {
        return Ok(Finding::NotIncluded);
    }
    let inclusion: InclusionResponse = response.error_for_status()?.json().await?;
    let Some(proof) = hashes(&inclusion.inclusion_proof) else { return Ok(Finding::NotIncluded) };
    if inclusion.leaf_index != receipt.log.leaf_index
        || from_hex::<32>(&inclusion.sha256) != Some(record_sha256)
        || !verify_inclusion(&leaf, inclusion.leaf_index, current.head.size, &proof, &current.head.root)
    {
        return Ok(Finding::NotIncluded);
    }

    // The published record is the one the receipt was given for.
    let response = get(format!("/api/v1/contributions/{}/record", receipt.id)).await?;
    if response.status() == reqwest::StatusCode::GONE {
        let reason = response.json::<ErrorResponse>().await.map(|e| e.message).unwrap_or_default();
        return Ok(Finding::Withheld { leaf: inclusion.leaf_index, new_size: current.head.size, reason });
    }
    let record = response.error_for_status()?.bytes().await?;
    if to_hex(&sha256(&record)) != receipt.sha256.to_ascii_lowercase() {
        return Ok(Finding::RecordChanged);
    }
    Ok(Finding::Intact { leaf: inclusion.leaf_index, old_size: old.size, new_size: current.head.size })
}
