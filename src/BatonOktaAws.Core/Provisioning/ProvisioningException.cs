namespace BatonOktaAws.Core.Provisioning;

/// <summary>A change cannot be made as asked; the message says why and what to do instead.</summary>
public sealed class ProvisioningException : Exception
{
    public ProvisioningException()
    {
    }

    public ProvisioningException(string message)
        : base(message)
    {
    }

    public ProvisioningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
