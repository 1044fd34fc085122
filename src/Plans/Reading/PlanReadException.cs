namespace TeamsPlans.Plans.Reading;

/// <summary>
/// A document that cannot be read as a plan. <see cref="Exception.Message"/> is Vietnamese first, then English,
/// and names the file: "Tệp 'x.docx': ... / File 'x.docx': ...".
/// </summary>
public sealed class PlanReadException : Exception
{
    public PlanReadErrorCode Code { get; }
    public string FileName { get; }
    public string MessageVi { get; }
    public string MessageEn { get; }

    public PlanReadException(PlanReadErrorCode code, string fileName, string vi, string en, Exception? inner = null)
        : base($"Tệp '{fileName}': {vi} / File '{fileName}': {en}", inner)
    {
        Code = code;
        FileName = fileName;
        MessageVi = vi;
        MessageEn = en;
    }
}
