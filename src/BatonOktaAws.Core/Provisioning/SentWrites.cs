namespace BatonOktaAws.Core.Provisioning;

/// <summary>
/// The writes one change has sent to Okta, and which of them has not been answered yet — so a change that stops
/// midway (cancelled, timed out, refused) can be reported and audited for exactly the writes that may have
/// reached Okta.
/// </summary>
internal sealed class SentWrites
{
    private readonly List<OktaWrite> _answered = [];

    public IReadOnlyList<OktaWrite> Answered => _answered;

    /// <summary>The write on its way, whose answer has not come back.</summary>
    public OktaWrite? Pending { get; private set; }

    public bool Any => _answered.Count > 0 || Pending is not null;

    /// <summary>Call just before the write is sent.</summary>
    public void Sending(OktaWrite write) => Pending = write;

    /// <summary>Call when Okta accepted it.</summary>
    public void Accepted()
    {
        if (Pending is { } write)
        {
            _answered.Add(write);
            Pending = null;
        }
    }

    /// <summary>Sends <paramref name="write"/> with <paramref name="send"/>, recording it before and after.</summary>
    public async Task SendAsync(OktaWrite write, Func<Task> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        Sending(write);
        await send().ConfigureAwait(false);
        Accepted();
    }
}
