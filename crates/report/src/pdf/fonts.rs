//! The fonts the PDF report is set in: Noto Serif for Latin, Greek and Cyrillic, Noto Naskh
//! Arabic, and Noto Serif CJK (simplified Chinese), read once per process from Debian's
//! `fonts-noto-core` and `fonts-noto-cjk` (or the directory `CONSULTA_FONTS` names), each only
//! when a report first needs it.

use std::path::PathBuf;
use std::sync::OnceLock;

/// Where the fonts are looked for, after `CONSULTA_FONTS`: where Debian's packages put them.
const SYSTEM_DIRECTORIES: [&str; 2] = ["/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto"];

/// The packages that bring the fonts, named in the error when one is missing.
pub const PACKAGES: &str = "fonts-noto-core fonts-noto-cjk";

/// One face of one font file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Face {
    SerifRegular,
    SerifBold,
    SerifItalic,
    NaskhRegular,
    NaskhBold,
    CjkRegular,
    CjkBold,
}

const FACES: usize = 7;

impl Face {
    fn position(self) -> usize {
        self as usize
    }

    /// The file and, in a collection, the face's index (2: simplified Chinese in Noto's CJK
    /// collections, whose faces are Japanese, Korean, simplified and traditional Chinese, Hong
    /// Kong).
    fn file(self) -> (&'static str, u32) {
        match self {
            Face::SerifRegular => ("NotoSerif-Regular.ttf", 0),
            Face::SerifBold => ("NotoSerif-Bold.ttf", 0),
            Face::SerifItalic => ("NotoSerif-Italic.ttf", 0),
            Face::NaskhRegular => ("NotoNaskhArabic-Regular.ttf", 0),
            Face::NaskhBold => ("NotoNaskhArabic-Bold.ttf", 0),
            Face::CjkRegular => ("NotoSerifCJK-Regular.ttc", 2),
            Face::CjkBold => ("NotoSerifCJK-Bold.ttc", 2),
        }
    }

    pub fn index(self) -> u32 {
        self.file().1
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FontError {
    #[error(
        "the PDF report needs the font file {file}, found in none of {looked_in} (install the Debian packages \
         {PACKAGES}, or name a directory that holds it with CONSULTA_FONTS)"
    )]
    Missing { file: &'static str, looked_in: String },
    #[error("the font file {path} cannot be read: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("the font file {path} is not a font Consulta can set text with")]
    NotAFont { path: String },
}

fn directories() -> Vec<PathBuf> {
    let chosen = std::env::var_os("CONSULTA_FONTS").filter(|d| !d.is_empty()).map(PathBuf::from);
    chosen.into_iter().chain(SYSTEM_DIRECTORIES.iter().map(PathBuf::from)).collect()
}

fn read(face: Face) -> Result<Vec<u8>, FontError> {
    let (file, _) = face.file();
    let directories = directories();
    let path = directories.iter().map(|d| d.join(file)).find(|p| p.is_file()).ok_or_else(|| FontError::Missing {
        file,
        looked_in: directories.iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(", "),
    })?;
    std::fs::read(&path).map_err(|e| FontError::Unreadable { path: path.display().to_string(), reason: e.to_string() })
}

/// The bytes of a face's file, read the first time it is needed and kept for the process.
pub fn bytes(face: Face) -> Result<&'static [u8], FontError> {
    static FILES: [OnceLock<Result<Vec<u8>, FontError>>; FACES] = [const { OnceLock::new() }; FACES];
    FILES[face.position()].get_or_init(|| read(face)).as_deref().map_err(Clone::clone)
}

/// The face, ready to shape text with.
pub fn shaper(face: Face) -> Result<&'static rustybuzz::Face<'static>, FontError> {
    static SHAPERS: [OnceLock<Option<rustybuzz::Face<'static>>>; FACES] = [const { OnceLock::new() }; FACES];
    let bytes = bytes(face)?;
    SHAPERS[face.position()]
        .get_or_init(|| rustybuzz::Face::from_slice(bytes, face.index()))
        .as_ref()
        .ok_or(FontError::NotAFont { path: face.file().0.to_owned() })
}

/// Whether the fonts are here, for tests: with CI=true they must be; elsewhere a test without
/// them says so and skips.
pub fn here_for_tests() -> bool {
    let here = [Face::SerifRegular, Face::NaskhRegular, Face::CjkRegular].into_iter().all(|f| bytes(f).is_ok());
    if !here {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "CI needs the fonts: Debian's {PACKAGES}");
        eprintln!("\n*** SKIPPED: the Noto fonts are not installed (Debian: {PACKAGES}) ***\n");
    }
    here
}
