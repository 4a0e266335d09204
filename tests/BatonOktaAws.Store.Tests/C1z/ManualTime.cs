namespace BatonOktaAws.Store.Tests.C1z;

/// <summary>A clock the test sets, in a chosen local time zone (the Store tests do not reference FakeTimeProvider).</summary>
internal sealed class ManualTime(DateTimeOffset now, TimeZoneInfo localZone) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override TimeZoneInfo LocalTimeZone => localZone;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
