using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Persistence;

/// <summary>Picks the bulk path of the context's provider.</summary>
public static class BulkLoaders
{
    /// <summary>A loader on the database of <paramref name="db"/>.</summary>
    public static async Task<IBulkLoader> OpenAsync(RegistryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.IsPostgres)
        {
            return new PostgresBulkLoader(db, db.Database.GetConnectionString()
                ?? throw new InvalidOperationException("The registry context has no connection string."));
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        return new SqliteBulkLoader(db);
    }
}
