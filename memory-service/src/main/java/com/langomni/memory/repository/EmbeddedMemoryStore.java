package com.langomni.memory.repository;

import com.langomni.api.memory.MemoryVisibility;
import io.quarkus.logging.Log;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The default store: a Lucene index (HNSW vectors, owner/subject/kind terms) behind a write-ahead log.
 * <p>
 * Durability: every operation is appended to the log and fsync'd (group commit) before it is acknowledged,
 * and applied to the index writer. The index commits every {@code commitInterval} (or {@code commitEveryOps})
 * with the last log sequence it holds; at start the log lines after that sequence are replayed, so a crash
 * loses nothing acknowledged while commits, which are expensive, stay rare.
 * <p>
 * Concurrency: writes and touches take the read side of a lock (Lucene's writer is thread-safe and puts of
 * distinct ids commute, so HNSW insertions run in parallel); deletions take the write side so that their
 * count is exact and their place in the log matches the index. Reads refresh the near-real-time searcher
 * when something changed since the last refresh (read-your-writes).
 * <p>
 * Search: an HNSW query filtered on the owner (and, for a conversation with a player, on that player's and the
 * public memories). Lucene searches exactly when the filter matches fewer
 * documents than the graph walk would visit (an NPC with a few hundred memories), approximately otherwise.
 */
public final class EmbeddedMemoryStore implements MemoryStore, AutoCloseable {

    static final String INDEX_DIR = "index";
    static final String WAL_DIR = "wal";
    private static final String COMMIT_SEQ = "walSeq";

    private static final String ID = "id";
    private static final String OWNER = "owner";
    private static final String KIND = "kind";
    private static final String SUBJECT = "subject";
    private static final String TEXT = "text";
    private static final String IMPORTANCE = "importance";
    private static final String CREATED = "createdAt";
    private static final String LAST_ACCESS = "lastAccessAt";
    private static final String EVIDENCE = "evidence";
    /** Indexed for new documents; a document without it (written before it existed) is private. */
    private static final String VISIBILITY = "visibility";
    private static final String PROVENANCE = "provenance";
    private static final String SEQ = "seq";
    private static final String VECTOR = "vector";
    private static final Sort NEWEST_FIRST = new Sort(new SortField(CREATED, SortField.Type.LONG, true),
            new SortField(SEQ, SortField.Type.LONG, true));

    private final EmbeddedStoreOptions options;
    private final WalCodec codec = new WalCodec();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Object refreshLock = new Object();
    private final Object commitLock = new Object();
    private final AtomicLong changes = new AtomicLong(); // puts and deletes applied to the writer so far
    private final AtomicLong touches = new AtomicLong(); // last-access updates applied so far
    private final AtomicLong opsSinceCommit = new AtomicLong();
    private final AtomicBoolean commitQueued = new AtomicBoolean();
    private final Directory directory;
    private final IndexWriter writer;
    private final WriteAheadLog wal;
    private final SearcherManager searchers;
    private final ScheduledExecutorService committer;
    private volatile long refreshed;
    private volatile long refreshedTouches;
    private volatile long committed;
    private volatile boolean open;

    private EmbeddedMemoryStore(Path dir, EmbeddedStoreOptions options) throws IOException {
        this.options = options;
        long started = System.nanoTime();
        directory = FSDirectory.open(dir.resolve(INDEX_DIR));
        IndexWriter w;
        try {
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(options.ramBufferMb())
                    .setCommitOnClose(false);
            w = new IndexWriter(directory, config); // holds write.lock: one store per directory
        } catch (IOException e) {
            directory.close();
            throw new IOException("cannot open the memory index in " + dir + " (in use by another store?)", e);
        }
        writer = w;
        try {
            committed = committedSeq(writer);
            long[] replayed = new long[1];
            wal = WriteAheadLog.open(dir.resolve(WAL_DIR), options.fsync(), committed, line -> {
                WalCodec.Line op = codec.parse(line);
                if (op.seq() > committed) {
                    apply(op);
                    replayed[0]++;
                }
                return op.seq();
            });
            searchers = new SearcherManager(writer, null);
            if (replayed[0] > 0) {
                commit();
            }
            refreshed = 0; // the searcher was opened after the replay
            Log.infof("Embedded memory store %s: %d memories, %d log operations replayed, in %d ms", dir,
                    writer.getDocStats().numDocs, replayed[0], (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | RuntimeException e) {
            writer.rollback();
            directory.close();
            throw e;
        }
        committer = startCommitter();
        open = true;
    }

    /** Opens (creating if needed) the store in {@code dir}, replaying its log and importing a previous release's. */
    public static EmbeddedMemoryStore open(Path dir, EmbeddedStoreOptions options) throws IOException {
        EmbeddedMemoryStore store = new EmbeddedMemoryStore(dir, options);
        try {
            LegacyLogImport.importInto(dir, store);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    @Override
    public String name() {
        return "embedded";
    }

    @Override
    public void write(StoredMemory memory) {
        mutate(false, () -> put(memory));
    }

    /** Writes many memories (replacing by id, like {@link #write}) with one commit instead of an fsync each. */
    void writeAll(Collection<StoredMemory> memories) throws IOException {
        for (StoredMemory memory : memories) {
            mutate(false, () -> {
                put(memory);
                changes.incrementAndGet(); // not synced here, yet visible to the next read
                return null;
            });
        }
        commit();
    }

    @Override
    public List<SimilarMemory> search(String ownerId, String subjectId, float[] vector, int k) {
        if (k <= 0) {
            return List.of();
        }
        return read(false, searcher -> {
            KnnFloatVectorQuery query = new KnnFloatVectorQuery(VECTOR, vector, k, scope(ownerId, subjectId));
            TopDocs top = searcher.search(query, k);
            List<SimilarMemory> out = new ArrayList<>(top.scoreDocs.length);
            StoredFields stored = searcher.storedFields();
            for (ScoreDoc hit : top.scoreDocs) {
                // DOT_PRODUCT scores (1 + cos) / 2 on unit vectors
                out.add(new SimilarMemory(load(searcher, stored, hit.doc), 2 * hit.score - 1));
            }
            return out;
        });
    }

    /** The owner's memories, or for a conversation with a player: those about the player and the public ones. */
    private static Query scope(String ownerId, String subjectId) {
        TermQuery owner = new TermQuery(new Term(OWNER, ownerId));
        if (subjectId == null) {
            return owner;
        }
        BooleanQuery visible = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(SUBJECT, subjectId)), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(VISIBILITY, MemoryVisibility.PUBLIC.name())), BooleanClause.Occur.SHOULD)
                .setMinimumNumberShouldMatch(1)
                .build();
        return new BooleanQuery.Builder()
                .add(owner, BooleanClause.Occur.FILTER)
                .add(visible, BooleanClause.Occur.FILTER)
                .build();
    }

    @Override
    public List<StoredMemory> list(String ownerId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(OWNER, ownerId)), limit, NEWEST_FIRST);
            StoredFields stored = searcher.storedFields();
            List<StoredMemory> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                out.add(load(searcher, stored, hit.doc));
            }
            return out;
        });
    }

    @Override
    public long count(String ownerId) {
        return read(searcher -> (long) searcher.count(new TermQuery(new Term(OWNER, ownerId))));
    }

    @Override
    public Optional<StoredMemory> get(String id) {
        return read(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
            return top.scoreDocs.length == 0 ? Optional.<StoredMemory>empty()
                    : Optional.of(load(searcher, searcher.storedFields(), top.scoreDocs[0].doc));
        });
    }

    @Override
    public boolean delete(String id) {
        return delete(new Term(ID, id), seq -> codec.deleteId(seq, id)) > 0;
    }

    @Override
    public long deleteByOwner(String ownerId) {
        return delete(new Term(OWNER, ownerId), seq -> codec.deleteOwner(seq, ownerId));
    }

    @Override
    public long deleteBySubject(String subjectId) {
        return delete(new Term(SUBJECT, subjectId), seq -> codec.deleteSubject(seq, subjectId));
    }

    @Override
    public void touch(String ownerId, Collection<String> ids, long at) {
        if (ids.isEmpty()) {
            return;
        }
        // Logged but not fsync'd: a lost access time only makes a memory look a little older.
        mutate(false, () -> {
            wal.append(seq -> codec.touch(seq, ids, at));
            for (String id : ids) {
                writer.updateNumericDocValue(new Term(ID, id), LAST_ACCESS, at);
            }
            touches.incrementAndGet();
            return null;
        });
    }

    @Override
    public long size() {
        return open ? writer.getDocStats().numDocs : 0;
    }

    @Override
    public StoreStats stats() {
        return read(searcher -> {
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (String kind : KINDS) {
                kinds.put(kind, (long) searcher.count(new TermQuery(new Term(KIND, kind))));
            }
            long owners = 0;
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), OWNER);
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    // docFreq still counts deleted documents until a merge: ask for live ones
                    if (searcher.count(new TermQuery(new Term(OWNER, BytesRef.deepCopyOf(term)))) > 0) {
                        owners++;
                    }
                }
            }
            return new StoreStats(searcher.getIndexReader().numDocs(), owners, kinds);
        });
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Commits the index with the last log sequence it holds and drops the log segments that commit covers. */
    public void commit() throws IOException {
        synchronized (commitLock) {
            long seq;
            lock.writeLock().lock();
            try {
                seq = wal.roll(); // every operation up to seq is in the writer: the read lock holders are done
            } finally {
                lock.writeLock().unlock();
            }
            opsSinceCommit.set(0);
            writer.setLiveCommitData(Map.of(COMMIT_SEQ, Long.toString(seq)).entrySet());
            writer.commit();
            committed = seq;
            wal.dropUpTo(seq);
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        stopCommitter();
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            Log.warnf("Memory index: final commit failed (the log still holds every write): %s", e.getMessage());
        }
        open = false;
        try {
            searchers.close();
            writer.close();
            wal.close();
            directory.close();
        } catch (IOException e) {
            Log.warnf("Memory store: close failed: %s", e.getMessage());
        }
    }

    /** Stops as a killed process would: no commit, uncommitted index changes dropped, log files just closed. */
    void simulateCrash() throws IOException {
        stopCommitter();
        open = false;
        searchers.close();
        writer.rollback();
        wal.abandon();
        directory.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    private interface Mutation {
        /** Logs and applies an operation; returns where it was logged when it must be synced, else null. */
        WriteAheadLog.Appended apply() throws IOException;
    }

    private interface Read<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private void mutate(boolean exclusive, Mutation mutation) {
        ensureOpen();
        try {
            WriteAheadLog.Appended appended;
            java.util.concurrent.locks.Lock l = exclusive ? lock.writeLock() : lock.readLock();
            l.lock();
            try {
                appended = mutation.apply();
                if (appended != null || exclusive) {
                    changes.incrementAndGet();
                }
            } finally {
                l.unlock();
            }
            if (appended != null) {
                appended.sync();
            }
            if (opsSinceCommit.incrementAndGet() >= options.commitEveryOps()) {
                queueCommit();
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    private WriteAheadLog.Appended put(StoredMemory memory) throws IOException {
        WriteAheadLog.Appended a = wal.append(seq -> codec.put(seq, memory));
        writer.updateDocument(new Term(ID, memory.id()), document(memory, a.seq()));
        return a;
    }

    private long delete(Term term, java.util.function.LongFunction<String> logLine) {
        long[] deleted = new long[1];
        mutate(true, () -> {
            refresh(false);
            try (SearcherHandle h = new SearcherHandle()) {
                deleted[0] = h.searcher.count(new TermQuery(term));
            }
            if (deleted[0] == 0) {
                return null; // nothing to delete: nothing to log or sync
            }
            WriteAheadLog.Appended a = wal.append(logLine);
            writer.deleteDocuments(term);
            return a;
        });
        return deleted[0];
    }

    private <T> T read(Read<T> read) {
        return read(true, read);
    }

    /**
     * Runs a read on a searcher that sees every put and delete acknowledged so far, and every last-access
     * update when {@code withTouches}. A search skips reopening for access times alone (they shift recency by
     * seconds), which spares a reopen per search; listings and counts see them.
     */
    private <T> T read(boolean withTouches, Read<T> read) {
        ensureOpen();
        try {
            refresh(withTouches);
            try (SearcherHandle h = new SearcherHandle()) {
                return read.apply(h.searcher);
            }
        } catch (IOException e) {
            throw failed(e);
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            throw new StoreUnavailableException("the memory store is closed");
        }
    }

    /** Reopens the near-real-time searcher when operations were applied since it was opened. */
    private void refresh(boolean withTouches) throws IOException {
        if (isFresh(withTouches)) {
            return;
        }
        synchronized (refreshLock) {
            if (isFresh(withTouches)) {
                return;
            }
            long coveringChanges = changes.get(); // applied before the reopen, hence visible to it
            long coveringTouches = touches.get();
            searchers.maybeRefreshBlocking();
            refreshed = coveringChanges;
            refreshedTouches = coveringTouches;
        }
    }

    private boolean isFresh(boolean withTouches) {
        return refreshed >= changes.get() && (!withTouches || refreshedTouches >= touches.get());
    }

    private final class SearcherHandle implements AutoCloseable {
        final IndexSearcher searcher;

        SearcherHandle() throws IOException {
            searcher = searchers.acquire();
        }

        @Override
        public void close() throws IOException {
            searchers.release(searcher);
        }
    }

    private StoredMemory load(IndexSearcher searcher, StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc);
        long createdAt = d.getField(CREATED).numericValue().longValue();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues access = leaf.reader().getNumericDocValues(LAST_ACCESS);
        long lastAccessAt = access != null && access.advanceExact(doc - leaf.docBase) ? access.longValue() : createdAt;
        String visibility = d.get(VISIBILITY);
        return new StoredMemory(d.get(ID), d.get(OWNER), d.get(KIND), d.get(TEXT),
                d.getField(IMPORTANCE).numericValue().intValue(), createdAt, lastAccessAt, d.get(SUBJECT),
                List.of(d.getValues(EVIDENCE)), null,
                visibility == null ? MemoryVisibility.PRIVATE : MemoryVisibility.valueOf(visibility),
                ProvenanceJson.read(d.get(PROVENANCE))); // documents indexed before provenance existed: none
    }

    private static Document document(StoredMemory m, long seq) {
        Document d = new Document();
        d.add(new StringField(ID, m.id(), Field.Store.YES));
        d.add(new StringField(OWNER, m.ownerId(), Field.Store.YES));
        d.add(new StringField(KIND, m.kind(), Field.Store.YES));
        if (m.subjectId() != null) {
            d.add(new StringField(SUBJECT, m.subjectId(), Field.Store.YES));
        }
        d.add(new StringField(VISIBILITY, m.visibility().name(), Field.Store.YES));
        d.add(new StoredField(TEXT, m.text()));
        if (m.provenance() != null) {
            d.add(new StoredField(PROVENANCE, ProvenanceJson.write(m.provenance())));
        }
        d.add(new StoredField(IMPORTANCE, m.importance()));
        d.add(new StoredField(CREATED, m.createdAt()));
        d.add(new NumericDocValuesField(CREATED, m.createdAt()));
        d.add(new NumericDocValuesField(LAST_ACCESS, m.lastAccessAt()));
        d.add(new NumericDocValuesField(SEQ, seq));
        for (String id : m.evidence()) {
            d.add(new StoredField(EVIDENCE, id));
        }
        d.add(new KnnFloatVectorField(VECTOR, m.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    /** Replays one logged operation onto the index writer (idempotent). */
    private void apply(WalCodec.Line op) throws IOException {
        switch (op.op()) {
            case WalCodec.PUT -> writer.updateDocument(new Term(ID, op.id()), document(codec.memory(op), op.seq()));
            case WalCodec.DELETE_OWNER -> writer.deleteDocuments(new Term(OWNER, op.owner()));
            case WalCodec.DELETE_SUBJECT -> writer.deleteDocuments(new Term(SUBJECT, op.subject()));
            case WalCodec.DELETE_ID -> writer.deleteDocuments(new Term(ID, op.id()));
            case WalCodec.TOUCH -> {
                for (String id : op.ids()) {
                    writer.updateNumericDocValue(new Term(ID, id), LAST_ACCESS, op.at());
                }
            }
            default -> throw new IllegalArgumentException("unknown op " + op.op());
        }
    }

    private static long committedSeq(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (COMMIT_SEQ.equals(e.getKey())) {
                    return Long.parseLong(e.getValue());
                }
            }
        }
        return 0;
    }

    private ScheduledExecutorService startCommitter() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "memory-index-committer");
            t.setDaemon(true);
            return t;
        });
        long millis = options.commitInterval().toMillis();
        if (millis > 0) {
            executor.scheduleWithFixedDelay(this::commitIfChanged, millis, millis, TimeUnit.MILLISECONDS);
        }
        return executor;
    }

    private void queueCommit() {
        if (commitQueued.compareAndSet(false, true)) {
            try {
                committer.execute(() -> {
                    commitQueued.set(false);
                    commitIfChanged();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                commitQueued.set(false); // closing: close() commits
            }
        }
    }

    private void commitIfChanged() {
        if (!open || wal.lastSeq() <= committed) {
            return;
        }
        try {
            commit();
        } catch (IOException | RuntimeException e) {
            Log.warnf("Memory index commit failed (the log still holds every write): %s", e.getMessage());
        }
    }

    private void stopCommitter() {
        committer.shutdown();
        try {
            committer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void ensureOpen() {
        if (!open) {
            throw new StoreUnavailableException("the memory store is not open");
        }
    }

    /** An I/O failure closes the store: readiness goes down rather than serving an index the log no longer matches. */
    private UncheckedIOException failed(IOException e) {
        open = false;
        Log.errorf(e, "Memory store failed; it is closed");
        throw new UncheckedIOException(e);
    }
}
