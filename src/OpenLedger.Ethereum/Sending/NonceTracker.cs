using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Sending;

/// <summary>
/// The next nonce of each local account. A send holds its account's gate from taking the nonce until the node has
/// accepted the transaction, so concurrent sends from one account never share a nonce and a rejected send leaves
/// no gap. After any failure the cached nonce is dropped and the next send asks the node again (pending count),
/// because we cannot know whether the node kept the transaction.
/// Share one tracker between every manager that signs for the same account in a process.
/// </summary>
public sealed class NonceTracker
{
    private readonly Dictionary<Address, Slot> _slots = new();

    /// <summary>
    /// Runs <paramref name="send"/> with the account's next nonce; <paramref name="fetchPending"/> reads it from the
    /// node when none is cached.
    /// </summary>
    public async Task<T> UseNextAsync<T>(Address account, Func<CancellationToken, Task<ulong>> fetchPending,
        Func<ulong, Task<T>> send, CancellationToken ct = default)
    {
        var slot = SlotOf(account);
        await slot.Gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            slot.Next ??= await fetchPending(ct).ConfigureAwait(false);
            var nonce = slot.Next.Value;
            T result;
            try
            {
                result = await send(nonce).ConfigureAwait(false);
            }
            catch
            {
                slot.Next = null;
                throw;
            }
            slot.Next = nonce + 1;
            return result;
        }
        finally
        {
            slot.Gate.Release();
        }
    }

    /// <summary>The nonce the next send would use if it is cached, or null when it will be read from the node.</summary>
    public ulong? Peek(Address account) => SlotOf(account).Next;

    /// <summary>Forgets the cached nonce; the next send reads the pending count from the node.</summary>
    public void Reset(Address account) => SlotOf(account).Next = null;

    private Slot SlotOf(Address account)
    {
        lock (_slots)
        {
            if (!_slots.TryGetValue(account, out var slot)) _slots[account] = slot = new Slot();
            return slot;
        }
    }

    private sealed class Slot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        // Read and written only while Gate is held (Reset and Peek are advisory).
        public ulong? Next { get; set; }
    }
}
