using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ApprovalHub.Supervision.Persistence;

/// <summary>
/// Prepared INSERTs inside one transaction on the context's SQLite connection: SQLite's fast path
/// (a transaction per row would be a thousand times slower). Nothing is visible before
/// <see cref="CommitAsync"/>, and a failure leaves nothing behind.
/// </summary>
internal sealed class SqliteBulkLoader(RegistryDbContext db) : IBulkLoader
{
    private readonly List<DbCommand> _commands = [];
    private IDbContextTransaction? _transaction;

    public async Task<IRowSink<T>> OpenAsync<T>(CancellationToken cancellationToken)
        where T : class
    {
        _transaction ??= await db.Database.BeginTransactionAsync(cancellationToken);
        var columns = new BulkColumns<T>(db);
        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        var names = columns.Names.ToList();
        command.CommandText = $"INSERT INTO {columns.Table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
        for (var i = 0; i < names.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            command.Parameters.Add(parameter);
        }

        await command.PrepareAsync(cancellationToken);
        _commands.Add(command);
        return new Sink<T>(command, columns);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is not null)
        {
            await _transaction.CommitAsync(cancellationToken);
            await _transaction.DisposeAsync();
            _transaction = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync();
        }

        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
    }

    private sealed class Sink<T>(DbCommand command, BulkColumns<T> columns) : IRowSink<T>
        where T : class
    {
        public async ValueTask WriteAsync(T row, CancellationToken cancellationToken)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                command.Parameters[i].Value = columns.Value(row, i) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
