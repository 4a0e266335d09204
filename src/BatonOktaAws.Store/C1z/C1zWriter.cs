using BatonOktaAws.Store.C1z.Wire;
using Microsoft.Data.Sqlite;

namespace BatonOktaAws.Store.C1z;

/// <summary>
/// Writes a Baton c1z (v1): Baton's v1_* tables in a SQLite database holding one <c>full</c> sync run, compressed
/// into one zstd stream after the <c>C1ZF\0</c> header. Rows go to a temporary database beside the target as they
/// come, committed every <see cref="C1zWriterOptions.RowsPerTransaction"/> rows, so memory stays bounded whatever
/// the size of the org. <see cref="Complete"/> checks that every reference resolves, compresses to a temporary file
/// beside the target and renames it over the target; until then, and if anything fails, the target is untouched.
/// </summary>
public sealed class C1zWriter : IDisposable
{
    private const int SqliteConstraint = 19;

    private readonly string _target;
    private readonly string _databasePath;
    private readonly string _compressedPath;
    private readonly TimeProvider _time;
    private readonly C1zWriterOptions _options;
    private readonly Dictionary<string, ResourceType> _resourceTypes = new(StringComparer.Ordinal);

    // Entitlements that grants name as sources or expansions, each with the first grant naming it: few (at most
    // one per entitlement), and checked against v1_entitlements at the end since they live inside blobs.
    private readonly Dictionary<string, string> _entitlementsNamedByGrants = new(StringComparer.Ordinal);
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertResourceType;
    private readonly SqliteCommand _insertResource;
    private readonly SqliteCommand _insertEntitlement;
    private readonly SqliteCommand _insertGrant;
    private SqliteTransaction? _transaction;
    private int _uncommittedRows;
    private long _resources;
    private long _entitlements;
    private long _grants;
    private bool _completed;
    private bool _disposed;

    private C1zWriter(string target, TimeProvider time, C1zWriterOptions options)
    {
        _target = target;
        _time = time;
        _options = options;
        var token = Guid.NewGuid().ToString("N")[..12];
        _databasePath = $"{target}.{token}.db.tmp";
        _compressedPath = $"{target}.{token}.tmp";
        SyncId = C1z.SyncId.New(time.GetUtcNow());

        SqliteFiles.CreateOwnerOnly(_databasePath);
        _connection = SqliteFiles.Open(_databasePath, SqliteOpenMode.ReadWrite);
        try
        {
            // A scratch database: if the process dies it is thrown away, so durability buys nothing here.
            SqliteFiles.Execute(_connection, "PRAGMA journal_mode = TRUNCATE");
            SqliteFiles.Execute(_connection, "PRAGMA synchronous = OFF");
            // Enough page cache that the unique indexes of a large org stay mostly in memory while rows arrive.
            SqliteFiles.Execute(_connection, "PRAGMA cache_size = -32768");
            foreach (var statement in C1zSchema.TablesAndUniqueIndexes)
            {
                SqliteFiles.Execute(_connection, statement);
            }

            using (var insertRun = _connection.CreateCommand())
            {
                insertRun.CommandText = """
                    insert into v1_sync_runs (sync_id, started_at, sync_token, sync_type, parent_sync_id, linked_sync_id, grants_backfilled)
                    values ($sync_id, $started_at, '', 'full', '', '', 1)
                    """;
                insertRun.Parameters.AddWithValue("$sync_id", SyncId);
                insertRun.Parameters.AddWithValue("$started_at", SqliteTimestamp.Format(time.GetLocalNow()));
                insertRun.ExecuteNonQuery();
            }

            _insertResourceType = Prepare(
                "insert into v1_resource_types (external_id, data, sync_id, discovered_at) values ($external_id, $data, $sync_id, $discovered_at)",
                "$external_id", "$data");
            _insertResource = Prepare(
                """
                insert into v1_resources (resource_type_id, external_id, parent_resource_type_id, parent_resource_id, data, sync_id, discovered_at)
                values ($resource_type_id, $external_id, $parent_resource_type_id, $parent_resource_id, $data, $sync_id, $discovered_at)
                """,
                "$resource_type_id", "$external_id", "$parent_resource_type_id", "$parent_resource_id", "$data");
            _insertEntitlement = Prepare(
                """
                insert into v1_entitlements (resource_type_id, resource_id, external_id, data, sync_id, discovered_at)
                values ($resource_type_id, $resource_id, $external_id, $data, $sync_id, $discovered_at)
                """,
                "$resource_type_id", "$resource_id", "$external_id", "$data");
            _insertGrant = Prepare(
                """
                insert into v1_grants (resource_type_id, resource_id, entitlement_id, principal_resource_type_id, principal_resource_id,
                                       external_id, expansion, needs_expansion, data, sync_id, discovered_at)
                values ($resource_type_id, $resource_id, $entitlement_id, $principal_resource_type_id, $principal_resource_id,
                        $external_id, $expansion, $needs_expansion, $data, $sync_id, $discovered_at)
                """,
                "$resource_type_id", "$resource_id", "$entitlement_id", "$principal_resource_type_id", "$principal_resource_id",
                "$external_id", "$expansion", "$needs_expansion", "$data");
        }
        catch
        {
            _connection.Dispose();
            SqliteFiles.DeleteIfExists(_databasePath);
            throw;
        }
    }

    /// <summary>The KSUID of the one sync run the file records.</summary>
    public string SyncId { get; }

    /// <summary>Starts writing <paramref name="path"/>; nothing replaces it until <see cref="Complete"/>.</summary>
    public static C1zWriter Create(string path, TimeProvider timeProvider, C1zWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options ??= new C1zWriterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowsPerTransaction, 1, nameof(options));
        var target = Path.GetFullPath(path);
        if (Directory.Exists(target))
        {
            throw new C1zException($"'{target}' is a directory, not a file to write a c1z to.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(target)))
        {
            throw new C1zException($"Cannot write '{target}': the directory '{Path.GetDirectoryName(target)}' does not exist.");
        }

        try
        {
            return new C1zWriter(target, timeProvider, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw new C1zException($"Cannot write '{target}': {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }

    /// <summary>Adds a resource type; add every type before the entitlements that are grantable to it.</summary>
    public void AddResourceType(BatonResourceType resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        var message = WireMessages.ToWire(resourceType);
        Insert(_insertResourceType, $"resource type '{resourceType.Id}'", resourceType.Id, WireMessages.Bytes(message));
        _resourceTypes[resourceType.Id] = message;
    }

    public void AddResource(BatonResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Insert(
            _insertResource,
            $"resource '{resource.Id}'",
            resource.Id.ResourceType,
            resource.Id.ToString(),
            resource.Parent?.ResourceType,
            resource.Parent?.Resource,
            WireMessages.Bytes(WireMessages.ToWire(resource)));
        _resources++;
    }

    public void AddEntitlement(BatonEntitlement entitlement)
    {
        ArgumentNullException.ThrowIfNull(entitlement);
        ArgumentException.ThrowIfNullOrEmpty(entitlement.Id, nameof(entitlement));
        if (entitlement.GrantableTo.FirstOrDefault(id => !_resourceTypes.ContainsKey(id)) is { } unknown)
        {
            throw new InvalidOperationException(
                $"Entitlement '{entitlement.Id}' is grantable to resource type '{unknown}', which has not been added; add resource types first.");
        }

        Insert(
            _insertEntitlement,
            $"entitlement '{entitlement.Id}'",
            entitlement.Resource.ResourceType,
            entitlement.Resource.Resource,
            entitlement.Id,
            WireMessages.Bytes(WireMessages.ToWire(entitlement, _resourceTypes)));
        _entitlements++;
    }

    public void AddGrant(BatonGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentException.ThrowIfNullOrEmpty(grant.Id, nameof(grant));
        ArgumentException.ThrowIfNullOrEmpty(grant.EntitlementId, nameof(grant));
        var (data, expansion) = WireMessages.ToWire(grant);

        // Baton keeps an expansion only when it names an entitlement, and marks it for its expander (grants.go).
        var expansionBytes = expansion is not null && expansion.EntitlementIds.Any(id => !string.IsNullOrWhiteSpace(id))
            ? WireMessages.Bytes(expansion)
            : null;
        Insert(
            _insertGrant,
            $"grant '{grant.Id}'",
            grant.EntitlementResource.ResourceType,
            grant.EntitlementResource.Resource,
            grant.EntitlementId,
            grant.Principal.ResourceType,
            grant.Principal.Resource,
            grant.Id,
            expansionBytes,
            expansionBytes is null ? 0 : 1,
            WireMessages.Bytes(data));
        _grants++;
        foreach (var named in grant.Sources.Select(source => source.EntitlementId).Concat(grant.Expandable?.EntitlementIds ?? []))
        {
            _entitlementsNamedByGrants.TryAdd(named, grant.Id);
        }
    }

    /// <summary>
    /// Ends the sync run, checks that every entitlement, grant and parent names something written, and replaces the
    /// target with the finished c1z in one rename.
    /// </summary>
    public C1zWriteResult Complete(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException($"The c1z '{_target}' has already been completed.");
        }

        CommitPending();
        foreach (var statement in C1zSchema.SecondaryIndexes)
        {
            SqliteFiles.Execute(_connection, statement);
        }

        CheckReferences();
        using (var endRun = _connection.CreateCommand())
        {
            endRun.CommandText = "update v1_sync_runs set ended_at = $ended_at, supports_diff = 1 where sync_id = $sync_id";
            endRun.Parameters.AddWithValue("$ended_at", SqliteTimestamp.Format(_time.GetLocalNow()));
            endRun.Parameters.AddWithValue("$sync_id", SyncId);
            endRun.ExecuteNonQuery();
        }

        DisposeCommands();
        _connection.Dispose();
        cancellationToken.ThrowIfCancellationRequested();

        var databaseBytes = new FileInfo(_databasePath).Length;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var output = new FileStream(_compressedPath, options))
            {
                C1zEnvelope.Write(_databasePath, output, _options.CompressionLevel, cancellationToken);
            }

            File.Move(_compressedPath, _target, overwrite: true);
        }
        catch (IOException e)
        {
            throw new C1zException($"Cannot write '{_target}': {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new C1zException($"Cannot write '{_target}': {e.Message}", e);
        }

        _completed = true;
        DeleteScratchFiles();
        return new C1zWriteResult(_target, SyncId, _resourceTypes.Count, _resources, _entitlements, _grants, databaseBytes, new FileInfo(_target).Length);
    }

    /// <summary>Without <see cref="Complete"/>, throws away what was written; the target stays as it was.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_completed)
        {
            DisposeCommands();
            _connection.Dispose();
            DeleteScratchFiles();
            SqliteFiles.DeleteIfExists(_compressedPath);
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Parameters.AddWithValue("$sync_id", SyncId);
        command.Parameters.Add(new SqliteParameter { ParameterName = "$discovered_at" });
        return command;
    }

    private void Insert(SqliteCommand command, string what, params object?[] values)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException($"The c1z '{_target}' has already been completed.");
        }

        _transaction ??= _connection.BeginTransaction();
        command.Transaction = _transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.Parameters["$discovered_at"].Value = SqliteTimestamp.Format(_time.GetLocalNow());
        try
        {
            command.ExecuteNonQuery();
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteConstraint)
        {
            throw new InvalidOperationException($"The {what} was already written to '{_target}'; each id may be written once.", e);
        }

        if (++_uncommittedRows >= _options.RowsPerTransaction)
        {
            CommitPending();
        }
    }

    private void CommitPending()
    {
        _transaction?.Commit();
        _transaction?.Dispose();
        _transaction = null;
        _uncommittedRows = 0;
    }

    /// <summary>
    /// Baton's readers resolve a grant's entitlement and principal, and an entitlement's resource, by id; a dangling
    /// one makes <c>baton grants</c> fail. Refuse to produce such a file.
    /// </summary>
    private void CheckReferences()
    {
        (string Sql, string Message)[] checks =
        [
            ("select external_id, resource_type_id from v1_resources r where not exists (select 1 from v1_resource_types t where t.external_id = r.resource_type_id) limit 1",
                "resource '{0}' has resource type '{1}', which was not written"),
            ("select external_id, parent_resource_type_id || ':' || parent_resource_id from v1_resources r where parent_resource_id is not null and not exists (select 1 from v1_resources p where p.external_id = r.parent_resource_type_id || ':' || r.parent_resource_id) limit 1",
                "resource '{0}' has parent '{1}', which was not written as a resource"),
            ("select external_id, resource_type_id || ':' || resource_id from v1_entitlements e where not exists (select 1 from v1_resources r where r.external_id = e.resource_type_id || ':' || e.resource_id) limit 1",
                "entitlement '{0}' is on '{1}', which was not written as a resource"),
            ("select external_id, entitlement_id from v1_grants g where not exists (select 1 from v1_entitlements e where e.external_id = g.entitlement_id) limit 1",
                "grant '{0}' is of entitlement '{1}', which was not written"),
            ("select external_id, principal_resource_type_id || ':' || principal_resource_id from v1_grants g where not exists (select 1 from v1_resources r where r.external_id = g.principal_resource_type_id || ':' || g.principal_resource_id) limit 1",
                "grant '{0}' is to principal '{1}', which was not written as a resource"),
        ];
        foreach (var (sql, message) in checks)
        {
            var dangling = SqliteFiles.Query(_connection, sql, row => (row.GetString(0), row.GetString(1)));
            if (dangling.Count > 0)
            {
                throw new C1zException($"Cannot write '{_target}': " + string.Format(System.Globalization.CultureInfo.InvariantCulture, message, dangling[0].Item1, dangling[0].Item2) + ".");
            }
        }

        using var exists = _connection.CreateCommand();
        exists.CommandText = "select count(*) from v1_entitlements where external_id = $id";
        var id = exists.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        foreach (var (entitlementId, grantId) in _entitlementsNamedByGrants)
        {
            id.Value = entitlementId;
            if ((long)exists.ExecuteScalar()! == 0)
            {
                throw new C1zException($"Cannot write '{_target}': grant '{grantId}' comes from entitlement '{entitlementId}', which was not written.");
            }
        }
    }

    private void DisposeCommands()
    {
        _transaction?.Dispose();
        _transaction = null;
        _insertResourceType?.Dispose();
        _insertResource?.Dispose();
        _insertEntitlement?.Dispose();
        _insertGrant?.Dispose();
    }

    private void DeleteScratchFiles()
    {
        SqliteFiles.DeleteIfExists(_databasePath);
        SqliteFiles.DeleteIfExists(_databasePath + "-journal");
    }
}
