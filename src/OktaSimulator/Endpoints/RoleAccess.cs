using OktaSimulator.Http;
using OktaSimulator.Model;

namespace OktaSimulator.Endpoints;

/// <summary>Refuses every roles API read when the token's admin is not a super admin.</summary>
internal sealed class RoleAccess(SimulatorOptions options, OrgState state)
{
    public bool Allowed => options.TokenIsSuperAdmin ?? state.Org.TokenIsSuperAdmin;

    public void Require()
    {
        if (!Allowed)
        {
            throw new OktaErrorException(OktaError.AccessDenied());
        }
    }
}
