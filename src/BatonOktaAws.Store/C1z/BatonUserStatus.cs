namespace BatonOktaAws.Store.C1z;

/// <summary>A user's status in Baton's terms; the values are Baton's <c>UserTrait.Status.Status</c> (and <c>Status.ResourceStatus</c>) numbers.</summary>
public enum BatonUserStatus
{
    Unspecified = 0,
    Enabled = 1,
    Disabled = 2,
    Deleted = 3,
}
