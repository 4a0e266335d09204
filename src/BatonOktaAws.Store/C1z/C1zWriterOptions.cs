namespace BatonOktaAws.Store.C1z;

/// <summary>How a <see cref="C1zWriter"/> works; the defaults suit an org of any size.</summary>
public sealed record C1zWriterOptions
{
    /// <summary>Rows written per SQLite transaction: what the writer holds uncommitted at a time.</summary>
    public int RowsPerTransaction { get; init; } = 10_000;

    /// <summary>zstd level of the final file (1 is fastest; Baton itself writes at its fastest setting).</summary>
    public int CompressionLevel { get; init; } = 3;
}
