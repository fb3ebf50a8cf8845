//! Hashing and checking passwords with Argon2id, with bounded memory: at most [`hashers`]
//! hashes run at once (the others wait their turn), each on a working memory that is kept and
//! reused, so the server holds `hashers × 19 MiB` for passwords however many logins, sign-ups
//! or password changes arrive together.
//!
//! The hashes are the `argon2` crate's PHC strings with its defaults (Argon2id v19, m = 19 MiB,
//! t = 2, p = 1): the same as `Argon2::default().hash_password`, so hashes made before this
//! module and by other tools check alike.

use crate::error::StoreError;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use tokio::sync::Semaphore;

/// A stored hash asking for more memory than this (in 1 KiB blocks: 256 MiB) is not checked:
/// it was not made by ashyq, and checking it could take the server's memory.
const MAX_BLOCKS: usize = 256 * 1024;

struct Hashers {
    permits: Arc<Semaphore>,
    count: usize,
    /// Working memories not in use; at most `count`, since each is taken with a permit.
    memories: Mutex<Vec<Vec<Block>>>,
    /// Hashes running now, and the most that ever ran at once.
    running: AtomicUsize,
    peak: AtomicUsize,
}

static HASHERS: OnceLock<Hashers> = OnceLock::new();

fn default_count() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

fn hashers_state() -> &'static Hashers {
    HASHERS.get_or_init(|| Hashers::new(default_count()))
}

impl Hashers {
    fn new(count: usize) -> Hashers {
        let count = count.max(1);
        Hashers {
            permits: Arc::new(Semaphore::new(count)),
            count,
            memories: Mutex::new(Vec::new()),
            running: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }
}

/// Sets how many passwords may be hashed or checked at once (at least 1). Only before the first
/// hash: returns `false`, changing nothing, once hashing has begun or the number was set.
pub fn set_hashers(count: usize) -> bool {
    HASHERS.set(Hashers::new(count)).is_ok()
}

/// How many passwords may be hashed or checked at once: the number set by [`set_hashers`], or
/// the number of CPUs.
pub fn hashers() -> usize {
    hashers_state().count
}

/// The most hashes that ever ran at once in this process (never more than [`hashers`]).
pub fn peak_running() -> usize {
    hashers_state().peak.load(Ordering::SeqCst)
}

/// Runs `work` on a blocking thread with a permit and a working memory, waiting for a permit
/// first. The memory goes back to the pool afterwards (not after a panic: then a new one is
/// made next time).
async fn with_memory<T: Send + 'static>(
    work: impl FnOnce(&mut Vec<Block>) -> T + Send + 'static,
) -> Result<T, StoreError> {
    let state = hashers_state();
    let _permit = state
        .permits
        .clone()
        .acquire_owned()
        .await
        .map_err(|e| StoreError::Hashing(format!("password hashers closed: {e}")))?;
    let mut memory = state.memories.lock().ok().and_then(|mut pool| pool.pop()).unwrap_or_default();
    let (result, memory) = tokio::task::spawn_blocking(move || {
        let now = state.running.fetch_add(1, Ordering::SeqCst) + 1;
        state.peak.fetch_max(now, Ordering::SeqCst);
        let result = work(&mut memory);
        state.running.fetch_sub(1, Ordering::SeqCst);
        (result, memory)
    })
    .await
    .map_err(|e| StoreError::Hashing(e.to_string()))?;
    if let Ok(mut pool) = state.memories.lock() {
        pool.push(memory);
    }
    Ok(result)
}

/// The first `blocks` of the working memory, growing it if needed.
fn fit(memory: &mut Vec<Block>, blocks: usize) -> &mut [Block] {
    if memory.len() < blocks {
        memory.resize(blocks, Block::default());
    }
    &mut memory[..blocks]
}

/// Gives back memory beyond the default size that an unusual stored hash needed.
fn fit_back(memory: &mut Vec<Block>) {
    let default = Params::default().block_count();
    if memory.len() > default {
        memory.truncate(default);
        memory.shrink_to_fit();
    }
}

/// Hashes a password with Argon2id and a fresh random salt; the PHC string to store.
pub async fn hash(password: &str) -> Result<String, StoreError> {
    let password = password.to_string();
    with_memory(move |memory| hash_with(memory, password.as_bytes())).await?
}

fn hash_with(memory: &mut Vec<Block>, password: &[u8]) -> Result<String, StoreError> {
    let failed = |e: argon2::password_hash::Error| StoreError::Hashing(e.to_string());
    let params = Params::default();
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_buf).map_err(failed)?;
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let output = Output::init_with(Params::DEFAULT_OUTPUT_LEN, |out| {
        let blocks = fit(memory, params.block_count());
        Ok(argon2.hash_password_into_with_memory(password, salt_bytes, out, blocks)?)
    })
    .map_err(failed)?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params).map_err(failed)?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(phc.to_string())
}

/// Whether `password` matches the stored PHC string (`false` for one that does not parse).
/// Compared in constant time.
pub async fn matches(password: &str, stored: &str) -> bool {
    let (password, stored) = (password.to_string(), stored.to_string());
    with_memory(move |memory| {
        let ok = matches_with(memory, password.as_bytes(), &stored);
        fit_back(memory);
        ok
    })
    .await
    .unwrap_or(false)
}

fn matches_with(memory: &mut Vec<Block>, password: &[u8], stored: &str) -> bool {
    let Ok(hash) = PasswordHash::new(stored) else { return false };
    let (Some(salt), Some(expected)) = (hash.salt, hash.hash) else { return false };
    let Ok(algorithm) = Algorithm::try_from(hash.algorithm) else { return false };
    let version = match hash.version.map(Version::try_from) {
        None => Version::default(),
        Some(Ok(v)) => v,
        Some(Err(_)) => return false,
    };
    let Ok(params) = Params::try_from(&hash) else { return false };
    if params.block_count() > MAX_BLOCKS {
        return false;
    }
    let mut salt_buf = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut salt_buf) else { return false };
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let computed = Output::init_with(expected.len(), |out| {
        let blocks = fit(memory, params.block_count());
        Ok(argon2.hash_password_into_with_memory(password, salt_bytes, out, blocks)?)
    });
    // `Output`'s equality is constant-time.
    computed.is_ok_and(|c| c == expected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn hashes_are_the_argon2_crates_and_check_both_ways() {
        let ours = hash("a long enough password").await.unwrap();
        assert!(ours.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{ours}");
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(Argon2::default().verify_password(b"a long enough password", &parsed).is_ok());
        assert!(Argon2::default().verify_password(b"another password!", &parsed).is_err());

        let salt = SaltString::generate(&mut OsRng);
        let theirs = Argon2::default().hash_password(b"a long enough password", &salt).unwrap().to_string();
        assert!(matches("a long enough password", &theirs).await);
        assert!(!matches("a long enough passwore", &theirs).await);
        assert!(matches("a long enough password", &ours).await);
        assert!(!matches("a long enough password", "not a hash").await);
        // Two hashes of one password differ (the salt), and both check.
        let again = hash("a long enough password").await.unwrap();
        assert_ne!(ours, again);
        assert!(matches("a long enough password", &again).await);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn hashes_with_other_parameters_check() {
        let params = Params::new(32 * 1024, 1, 1, None).unwrap();
        let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let salt = SaltString::generate(&mut OsRng);
        let bigger = argon2.hash_password(b"a long enough password", &salt).unwrap().to_string();
        assert!(matches("a long enough password", &bigger).await);
        assert!(!matches("a long enough passwore", &bigger).await);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_than_the_hashers_run_at_once() {
        let n = hashers();
        let all: Vec<_> = (0..3 * n + 2).map(|_| tokio::spawn(hash("a long enough password"))).collect();
        for h in all {
            assert!(h.await.unwrap().unwrap().starts_with("$argon2id$"));
        }
        let peak = peak_running();
        assert!(peak >= 1 && peak <= n, "{peak} hashes ran at once, with {n} hashers");
        assert!(hashers_state().memories.lock().unwrap().len() <= n);
    }

    #[test]
    fn the_working_memory_grows_for_a_bigger_hash_and_shrinks_back() {
        let mut memory = Vec::new();
        assert_eq!(fit(&mut memory, 32 * 1024).len(), 32 * 1024);
        fit_back(&mut memory);
        assert_eq!(memory.len(), Params::default().block_count());
        assert!(memory.capacity() < 32 * 1024);
    }
}
