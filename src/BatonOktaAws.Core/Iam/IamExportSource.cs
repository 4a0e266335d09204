namespace BatonOktaAws.Core.Iam;

/// <summary>A file that contributed to an account, and when it was last written (a hint of the export's age).</summary>
public sealed record IamExportSource(string Path, IamExportKind Kind, DateTimeOffset ModifiedAt);
