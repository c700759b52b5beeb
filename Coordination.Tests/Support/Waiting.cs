namespace Coordination.Tests.Support;

/// <summary>Waiting for a condition with a deadline, never for a fixed time.</summary>
public static class Waiting
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static async Task<T> Within<T>(this Task<T> task, TimeSpan? deadline = null) =>
        await task.WaitAsync(deadline ?? Deadline, TestContext.Current.CancellationToken);

    public static async Task Within(this Task task, TimeSpan? deadline = null) =>
        await task.WaitAsync(deadline ?? Deadline, TestContext.Current.CancellationToken);

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? deadline = null, string? what = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(deadline ?? Deadline);
        while (!await condition())
        {
            try
            {
                await Task.Yield();
                await Task.Delay(20, cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition not met in time: {what ?? "(unnamed)"}");
            }
        }
    }
}
