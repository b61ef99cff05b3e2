using System.Collections.Concurrent;
using ApprovalHub.Supervision.Cockpit.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// Serialises the writers of the maintained figures: the full recompute and the incremental
/// changes read rows, write rows and move figures by differences, which is only right if no other
/// writer does so in between. In this process a semaphore per database; across the nodes of a
/// PostgreSQL cluster an advisory lock on the context's connection as well.
/// </summary>
internal static class CockpitLock
{
    // "ck" in ASCII, then 1: stable, and unlike the ids the engine or Quartz use.
    private const long AdvisoryKey = 0x636B_0001;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Local = new(StringComparer.Ordinal);

    /// <summary>Waits for the lock; the connection of <paramref name="db"/> stays open until it is released.</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(CockpitDbContext db, CancellationToken cancellationToken)
    {
        var semaphore = Local.GetOrAdd(db.Database.GetConnectionString() ?? string.Empty, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (db.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({AdvisoryKey})", cancellationToken);
            }

            return new Held(db, semaphore);
        }
        catch
        {
            semaphore.Release();
            throw;
        }
    }

    private sealed class Held(CockpitDbContext db, SemaphoreSlim semaphore) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (db.IsPostgres)
                {
                    // Not cancellable: a lock left behind would stop every later recompute on this connection.
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({AdvisoryKey})", CancellationToken.None);
                }

                await db.Database.CloseConnectionAsync();
            }
            finally
            {
                semaphore.Release();
            }
        }
    }
}
