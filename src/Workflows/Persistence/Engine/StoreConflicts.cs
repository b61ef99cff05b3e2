using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ApprovalHub.Workflows.Persistence.Engine;

/// <summary>
/// Database errors that mean "another command got there first": retrying the command from a fresh
/// load is the right answer, as for a stale revision.
/// </summary>
internal static class StoreConflicts
{
    public static bool IsConflict(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Two commands inserted the same row (e.g. the same new instance).
                case DbUpdateException update when update.IsUniqueViolation():
                    return true;

                // PostgreSQL gave up on one of two transactions that waited for each other's rows
                // (e.g. a parent and a child instance locked in opposite orders).
                case PostgresException postgres when postgres.SqlState is PostgresErrorCodes.DeadlockDetected
                    or PostgresErrorCodes.SerializationFailure:
                    return true;
            }
        }

        return false;
    }
}
