//! CSV output written under a temporary name and renamed into place only when all files are
//! complete, and a reusable row of fields so that rows are formatted without allocating.

use anyhow::Context;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A CSV file being written under a temporary name in its final directory.
pub(super) struct CsvOut {
    pub writer: csv::Writer<BufWriter<File>>,
    tmp: PathBuf,
    dest: PathBuf,
}

/// A complete file waiting to be renamed into place.
pub(super) struct Finished {
    tmp: PathBuf,
    dest: PathBuf,
}

impl CsvOut {
    pub fn create(dir: &Path, name: &str, header: &[&str]) -> anyhow::Result<CsvOut> {
        let dest = dir.join(name);
        let tmp = dir.join(format!(".{name}.partial"));
        let file = File::create(&tmp).with_context(|| format!("cannot create {}", tmp.display()))?;
        // The CSV writer's own buffer is the larger, so that its flushes pass through the
        // `BufWriter` without a second copy.
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(1 << 18)
            .from_writer(BufWriter::with_capacity(1 << 16, file));
        writer.write_record(header).with_context(|| format!("cannot write {}", tmp.display()))?;
        Ok(CsvOut { writer, tmp, dest })
    }

    /// The temporary path, to remove if generation fails.
    pub fn tmp(&self) -> &Path {
        &self.tmp
    }

    /// Flushes and syncs the file.
    pub fn finish(self) -> anyhow::Result<Finished> {
        let CsvOut { writer, tmp, dest } = self;
        let what = || format!("cannot write {}", tmp.display());
        let mut buffered =
            writer.into_inner().map_err(|e| anyhow::anyhow!("{}", e.error())).with_context(what)?;
        buffered.flush().with_context(what)?;
        let file = buffered.into_inner().map_err(|e| e.into_error()).with_context(what)?;
        file.sync_all().with_context(what)?;
        Ok(Finished { tmp, dest })
    }
}

impl Finished {
    pub fn rename(self) -> anyhow::Result<()> {
        std::fs::rename(&self.tmp, &self.dest)
            .with_context(|| format!("cannot rename {} to {}", self.tmp.display(), self.dest.display()))
    }
}

/// The fields of one row, reused from row to row.
pub(super) struct Fields<const N: usize>(pub [String; N]);

impl<const N: usize> Fields<N> {
    pub fn new() -> Fields<N> {
        Fields(std::array::from_fn(|_| String::with_capacity(32)))
    }

    /// Empties every field for the next row.
    pub fn clear(&mut self) -> &mut [String; N] {
        for f in &mut self.0 {
            f.clear();
        }
        &mut self.0
    }

    pub fn write(&self, out: &mut CsvOut) -> anyhow::Result<()> {
        out.writer.write_record(&self.0).with_context(|| format!("cannot write {}", out.tmp.display()))
    }
}
