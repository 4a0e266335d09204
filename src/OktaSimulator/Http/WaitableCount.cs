namespace OktaSimulator.Http;

/// <summary>
/// A count that tests can await reaching a value: each change completes the waits it satisfies, so a test acts
/// the moment the simulator gets there instead of polling for it.
/// </summary>
internal sealed class WaitableCount
{
    private readonly Lock _gate = new();
    private readonly List<(long Count, TaskCompletionSource Reached)> _waiting = [];
    private long _value;

    public long Value
    {
        get
        {
            lock (_gate)
            {
                return _value;
            }
        }
    }

    /// <summary>Completes once the count is at least <paramref name="count"/> (at once if it already is).</summary>
    public Task WhenAtLeastAsync(long count, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_value >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((count, reached));
            return reached.Task.WaitAsync(cancellationToken);
        }
    }

    public void Add(long delta) => Change(v => v + delta);

    public void Set(long value) => Change(_ => value);

    private void Change(Func<long, long> change)
    {
        List<TaskCompletionSource>? reached = null;
        lock (_gate)
        {
            _value = change(_value);
            for (var i = _waiting.Count - 1; i >= 0; i--)
            {
                if (_waiting[i].Count <= _value)
                {
                    (reached ??= []).Add(_waiting[i].Reached);
                    _waiting.RemoveAt(i);
                }
            }
        }

        reached?.ForEach(r => r.TrySetResult());
    }
}
