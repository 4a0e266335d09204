namespace BatonOktaAws.Core.Provisioning;

public enum ChangeAction
{
    Grant,
    Revoke,
}
