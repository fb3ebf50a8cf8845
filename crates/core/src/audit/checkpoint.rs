//! Signed checkpoints of the audit chain: the head's position and hash at a moment, signed with
//! an Ed25519 key kept away from the database, and the comparison of a chain with them.
//!
//! The chain alone catches a changed record, but not someone who rewrites it whole: records cut
//! from the end with the head rewritten to match, or every hash recomputed from a record on. A
//! checkpoint kept outside the database says "record N had hash H"; a chain that no longer holds
//! record N with hash H (or ends before N) was cut or rewritten behind that checkpoint.

use super::GENESIS_HASH;
use ed25519_dalek::{Signature, Signer, Verifier};
pub use ed25519_dalek::{SigningKey, VerifyingKey};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The `format` of a checkpoint file, and the first line of what is signed.
pub const FORMAT: &str = "ashyq-audit-checkpoint/1";

/// One checkpoint as written to its JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    pub format: String,
    /// The head's position: how many records the chain held (0 for an empty log).
    pub seq: i64,
    /// The hash of record `seq` (the genesis hash for an empty log).
    pub hash: String,
    /// When the head was read.
    pub at: Timestamp,
    /// The public key that signed it, hex. Which key to trust is the verifier's choice.
    pub key: String,
    /// Ed25519 over [`payload`], hex.
    pub signature: String,
}

/// Why a checkpoint file is not to be trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refused {
    #[error("not an audit checkpoint: {0}")]
    Malformed(String),
    #[error("signed with another key ({signed_by}), not the trusted public key {trusted}")]
    OtherKey { signed_by: String, trusted: String },
    #[error("its signature does not verify (the file was altered after it was signed)")]
    BadSignature,
}

/// How a chain fails to hold a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Behind {
    #[error(
        "the log ends at record {head}, before the checkpoint's record {seq} (records were cut from the end and the chain head rewritten)"
    )]
    Cut { seq: i64, head: i64 },
    #[error("record {seq} is missing from the log")]
    Missing { seq: i64 },
    #[error(
        "record {seq} has hash {found}, not the checkpoint's {expected} (the log was rewritten at or before record {seq})"
    )]
    Rewritten { seq: i64, expected: String, found: String },
}

/// What is signed: every field but the signature, one per line, so no two checkpoints share it.
pub fn payload(seq: i64, hash: &str, at: Timestamp, key: &str) -> String {
    format!("{FORMAT}\nseq {seq}\nhash {hash}\nat {at}\nkey {key}\n")
}

/// The key of a 32-byte secret seed.
pub fn key_from_seed(seed: [u8; 32]) -> SigningKey {
    SigningKey::from_bytes(&seed)
}

/// Signs the head `seq`/`hash` as read at `at` (kept to the second).
pub fn sign(key: &SigningKey, seq: i64, hash: &str, at: Timestamp) -> Checkpoint {
    let at = Timestamp::from_second(at.as_second()).unwrap_or(at);
    let public = hex::encode(key.verifying_key().as_bytes());
    let signature = key.sign(payload(seq, hash, at, &public).as_bytes());
    Checkpoint {
        format: FORMAT.into(),
        seq,
        hash: hash.into(),
        at,
        key: public,
        signature: hex::encode(signature.to_bytes()),
    }
}

fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

impl Checkpoint {
    /// Reads a checkpoint file's text; says which field is wrong.
    pub fn from_json(text: &str) -> Result<Checkpoint, Refused> {
        let cp: Checkpoint = serde_json::from_str(text).map_err(|e| Refused::Malformed(e.to_string()))?;
        if cp.format != FORMAT {
            return Err(Refused::Malformed(format!("format is {:?}, expected {FORMAT:?}", cp.format)));
        }
        if cp.seq < 0 {
            return Err(Refused::Malformed(format!("seq {} is negative", cp.seq)));
        }
        if !is_hash(&cp.hash) {
            return Err(Refused::Malformed("hash must be 64 hexadecimal characters".into()));
        }
        Ok(cp)
    }

    /// The file's text: pretty JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Checks the signature with the key the verifier trusts.
    pub fn verify(&self, trusted: &VerifyingKey) -> Result<(), Refused> {
        let trusted_hex = hex::encode(trusted.as_bytes());
        if !self.key.eq_ignore_ascii_case(&trusted_hex) {
            return Err(Refused::OtherKey { signed_by: self.key.clone(), trusted: trusted_hex });
        }
        let bytes: [u8; 64] = hex::decode(&self.signature)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| Refused::Malformed("signature must be 128 hexadecimal characters".into()))?;
        let signature = Signature::from_bytes(&bytes);
        let message = payload(self.seq, &self.hash, self.at, &trusted_hex);
        trusted.verify(message.as_bytes(), &signature).map_err(|_| Refused::BadSignature)
    }

    /// Compares the chain with this checkpoint: its head (`head_seq`) must be at or past the
    /// checkpoint, and its record at the checkpoint's `seq` must have the checkpoint's hash
    /// (`hash_at_seq`, `None` when there is no such record). With the chain itself verified,
    /// this means every record up to the checkpoint is as it was when it was signed.
    pub fn check(&self, head_seq: i64, hash_at_seq: Option<&str>) -> Result<(), Behind> {
        if head_seq < self.seq {
            return Err(Behind::Cut { seq: self.seq, head: head_seq });
        }
        let found = if self.seq == 0 { Some(GENESIS_HASH) } else { hash_at_seq };
        match found {
            None => Err(Behind::Missing { seq: self.seq }),
            Some(h) if h.eq_ignore_ascii_case(&self.hash) => Ok(()),
            Some(h) => {
                Err(Behind::Rewritten { seq: self.seq, expected: self.hash.clone(), found: h.to_string() })
            }
        }
    }
}

/// A key as kept in a key file: its 32 bytes in hex on the first line that is not a `#` comment.
fn key_bytes(text: &str) -> Result<[u8; 32], String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("");
    hex::decode(line)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| "expected a line of 64 hexadecimal characters (an Ed25519 key)".to_string())
}

/// Reads a private key file's text (see [`signing_key_text`]).
pub fn signing_key_from_text(text: &str) -> Result<SigningKey, String> {
    key_bytes(text).map(|seed| SigningKey::from_bytes(&seed))
}

/// Reads a public key file's text (see [`verifying_key_text`]).
pub fn verifying_key_from_text(text: &str) -> Result<VerifyingKey, String> {
    VerifyingKey::from_bytes(&key_bytes(text)?).map_err(|_| "not a valid Ed25519 public key".to_string())
}

/// A private key file's text.
pub fn signing_key_text(key: &SigningKey) -> String {
    format!(
        "# ashyq audit checkpoint key (Ed25519, private). Keep it away from the database's machine.\n{}\n",
        hex::encode(key.to_bytes())
    )
}

/// A public key file's text.
pub fn verifying_key_text(key: &VerifyingKey) -> String {
    format!("# ashyq audit checkpoint key (Ed25519, public)\n{}\n", hex::encode(key.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u8) -> SigningKey {
        key_from_seed([n; 32])
    }

    fn at() -> Timestamp {
        Timestamp::from_second(1_780_000_000).unwrap()
    }

    const H: &str = "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12";

    #[test]
    fn a_signed_checkpoint_reads_back_and_verifies() {
        let cp = sign(&key(1), 42, H, at());
        let back = Checkpoint::from_json(&cp.to_json()).unwrap();
        assert_eq!(back, cp);
        assert_eq!(back.verify(&key(1).verifying_key()), Ok(()));
        assert!(cp.to_json().contains("\"seq\": 42"), "{}", cp.to_json());
    }

    #[test]
    fn any_change_to_a_signed_field_breaks_the_signature() {
        let cp = sign(&key(1), 42, H, at());
        let trusted = key(1).verifying_key();
        let changes: [fn(&mut Checkpoint); 3] = [
            |c| c.seq = 41,
            |c| c.hash = H.replace('a', "c"),
            |c| c.at = Timestamp::from_second(1_780_000_001).unwrap(),
        ];
        for change in changes {
            let mut t = cp.clone();
            change(&mut t);
            assert_eq!(t.verify(&trusted), Err(Refused::BadSignature), "{t:?}");
        }
        let mut t = cp.clone();
        t.signature.replace_range(0..2, if &t.signature[0..2] == "00" { "01" } else { "00" });
        assert_eq!(t.verify(&trusted), Err(Refused::BadSignature));
        t.signature.truncate(10);
        assert!(matches!(t.verify(&trusted), Err(Refused::Malformed(_))));
    }

    #[test]
    fn another_key_is_refused() {
        let cp = sign(&key(1), 42, H, at());
        let err = cp.verify(&key(2).verifying_key()).unwrap_err();
        assert!(matches!(err, Refused::OtherKey { .. }));
        assert!(err.to_string().contains(&hex::encode(key(2).verifying_key().as_bytes())), "{err}");
        // Naming the trusted key in the file does not help: the signature is still the other key's.
        let mut forged = sign(&key(2), 42, H, at());
        forged.key = hex::encode(key(1).verifying_key().as_bytes());
        assert_eq!(forged.verify(&key(1).verifying_key()), Err(Refused::BadSignature));
    }

    #[test]
    fn malformed_files_say_what_is_wrong() {
        let cp = sign(&key(1), 42, H, at());
        let json: serde_json::Value = serde_json::from_str(&cp.to_json()).unwrap();
        let with = |k: &str, v: serde_json::Value| {
            let mut j = json.clone();
            j[k] = v;
            Checkpoint::from_json(&j.to_string()).unwrap_err().to_string()
        };
        assert!(with("format", "x".into()).contains("format"));
        assert!(with("seq", (-1).into()).contains("negative"));
        assert!(with("hash", "xyz".into()).contains("hash"));
        assert!(with("extra", 1.into()).contains("extra"));
        assert!(Checkpoint::from_json("not json").is_err());
    }

    #[test]
    fn a_chain_holds_a_checkpoint_only_with_the_same_record() {
        let cp = sign(&key(1), 5, H, at());
        assert_eq!(cp.check(5, Some(H)), Ok(()));
        assert_eq!(cp.check(9, Some(&H.to_uppercase())), Ok(()));
        assert_eq!(cp.check(4, None), Err(Behind::Cut { seq: 5, head: 4 }));
        assert_eq!(cp.check(7, None), Err(Behind::Missing { seq: 5 }));
        let other = H.replace('a', "c");
        let err = cp.check(7, Some(&other)).unwrap_err();
        assert_eq!(err, Behind::Rewritten { seq: 5, expected: H.into(), found: other });
        assert!(err.to_string().starts_with("record 5 has hash"), "{err}");
        // An empty log's checkpoint holds for any log.
        let empty = sign(&key(1), 0, GENESIS_HASH, at());
        assert_eq!(empty.check(0, None), Ok(()));
        assert_eq!(empty.check(3, None), Ok(()));
    }

    #[test]
    fn key_files_round_trip_and_bad_ones_are_named() {
        let k = key(7);
        assert_eq!(signing_key_from_text(&signing_key_text(&k)).unwrap().to_bytes(), k.to_bytes());
        let public = k.verifying_key();
        assert_eq!(verifying_key_from_text(&verifying_key_text(&public)).unwrap(), public);
        assert!(signing_key_from_text("# only a comment\n").unwrap_err().contains("64 hexadecimal"));
        assert!(verifying_key_from_text("abcd").is_err());
    }
}
