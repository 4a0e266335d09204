namespace BatonOktaAws.Core.Provisioning;

/// <summary>A write call to Okta as a dry run prints it: method, path and JSON body (null for none).</summary>
public sealed record OktaWrite(string Method, string Path, string? Body)
{
    public override string ToString() => Body is null ? $"{Method} {Path}" : $"{Method} {Path} {Body}";
}
