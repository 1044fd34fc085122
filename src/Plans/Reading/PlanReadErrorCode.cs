namespace TeamsPlans.Plans.Reading;

/// <summary>Why a document could not be read as a plan.</summary>
public enum PlanReadErrorCode
{
    /// <summary>The file has no bytes or no text.</summary>
    Empty,
    /// <summary>The file is over <see cref="PlanReaderOptions.MaxFileBytes"/> (or its text over the character limit).</summary>
    TooLarge,
    /// <summary>Extension/content is not .txt, .md, .docx or .pdf (e.g. legacy .doc).</summary>
    UnsupportedFormat,
    /// <summary>A .docx that is not a valid Office Open XML package, or a .pdf that is not a PDF.</summary>
    Corrupt,
    /// <summary>A .docx whose entries decompress to more than the limits (size, ratio, entry count).</summary>
    ZipBomb,
    /// <summary>A PDF protected by a password.</summary>
    Encrypted,
    /// <summary>Text typed in a legacy Vietnamese font encoding (TCVN3/ABC or VNI), not Unicode.</summary>
    LegacyEncoding,
    /// <summary>The text has neither "KẾ HOẠCH" nor a plan's numbered structure.</summary>
    NotAPlan,
    /// <summary>Reading took longer than <see cref="PlanReaderOptions.Timeout"/>.</summary>
    Timeout,
    /// <summary>The file could not be opened (missing, permission).</summary>
    Unreadable
}
