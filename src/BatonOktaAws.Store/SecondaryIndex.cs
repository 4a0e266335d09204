namespace BatonOktaAws.Store;

/// <summary>A secondary index of the sync file: its name and the statement that creates it (kept as <c>sqlite_schema</c> shows it).</summary>
internal sealed record SecondaryIndex(string Name, string Sql);
