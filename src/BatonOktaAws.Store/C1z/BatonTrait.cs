namespace BatonOktaAws.Store.C1z;

/// <summary>What kind of thing a resource type is; the values are Baton's <c>ResourceType.Trait</c> numbers.</summary>
public enum BatonTrait
{
    Unspecified = 0,
    User = 1,
    Group = 2,
    Role = 3,
    App = 4,
}
