package io.ta.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A two-phase-commit test sink: writers collect records into a transaction per checkpoint
 * ({@link CommittingSinkWriter#prepareCommit}), and the committer makes a transaction visible in a JVM-wide store only
 * when Flink commits it — after the checkpoint that contains it completed. A transaction of a failed attempt is never
 * committed (its records are replayed from the source instead); one committed again after a restore (Flink retries
 * commits it cannot know succeeded) is recognised by its id and applied once. So the store holds exactly what an
 * exactly-once sink would expose, and a duplicate or a gap in it is a real failure of the job.
 *
 * @param <T> the record type
 */
final class ExactlyOnceSink<T> implements Sink<T>, SupportsCommitter<ExactlyOnceSink.Txn<T>> {
    @Serial
    private static final long serialVersionUID = 1L;

    private static final Map<String, Store<?>> STORES = new ConcurrentHashMap<>();

    private final String name;
    private final Codec<T> codec;

    ExactlyOnceSink(String name, Codec<T> codec) {
        this.name = name;
        this.codec = codec;
        // Jobs that continue one another (a savepoint, then a resumed job) share a store: a transaction the resumed job
        // restores and commits again must meet its first commit to be recognised.
        STORES.putIfAbsent(name, new Store<T>());
    }

    /** Everything committed so far under {@code name}, in commit order. */
    @SuppressWarnings("unchecked")
    static <T> List<T> committed(String name) {
        return new ArrayList<>(((Store<T>) STORES.get(name)).records);
    }

    /** How many transactions were committed (each counted once). */
    static int transactions(String name) {
        return STORES.get(name).ids.size();
    }

    /** Writes and reads one record; part of the committable's serialized form. */
    interface Codec<T> extends Serializable {
        void write(T value, DataOutputStream out) throws IOException;

        T read(DataInputStream in) throws IOException;
    }

    static final Codec<TaResult> RESULTS = new Codec<>() {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void write(TaResult r, DataOutputStream out) throws IOException {
            out.writeUTF(r.symbol());
            out.writeLong(r.time());
            out.writeByte(r.kind().ordinal());
            out.writeInt(r.size());
            for (int i = 0; i < r.size(); i++) {
                out.writeLong(Double.doubleToRawLongBits(r.value(i)));
            }
        }

        @Override
        public TaResult read(DataInputStream in) throws IOException {
            String symbol = in.readUTF();
            long time = in.readLong();
            TaResult.Kind kind = TaResult.Kind.values()[in.readByte()];
            double[] values = new double[in.readInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.longBitsToDouble(in.readLong());
            }
            return new TaResult(symbol, time, kind, values);
        }
    };

    static final Codec<Bar> BARS = new Codec<>() {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public void write(Bar b, DataOutputStream out) throws IOException {
            out.writeUTF(b.symbol());
            out.writeLong(b.time());
            for (int i = 0; i < Bar.COLUMNS.size(); i++) {
                out.writeLong(Double.doubleToRawLongBits(b.column(i)));
            }
            out.writeBoolean(b.forming());
        }

        @Override
        public Bar read(DataInputStream in) throws IOException {
            String symbol = in.readUTF();
            long time = in.readLong();
            double[] v = new double[Bar.COLUMNS.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = Double.longBitsToDouble(in.readLong());
            }
            return new Bar(symbol, time, v[0], v[1], v[2], v[3], v[4], in.readBoolean());
        }
    };

    /** One writer's records between two checkpoints, with an id that makes committing it idempotent. */
    record Txn<T>(String id, List<T> records) {}

    private static final class Store<T> {
        final Set<String> ids = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<T> records = new ConcurrentLinkedQueue<>();
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new CommittingSinkWriter<T, Txn<T>>() {
            private List<T> open = new ArrayList<>();

            @Override
            public void write(T element, Context ctx) {
                open.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public Collection<Txn<T>> prepareCommit() {
                if (open.isEmpty()) {
                    return List.of();
                }
                Txn<T> txn = new Txn<>(UUID.randomUUID().toString(), open);
                open = new ArrayList<>();
                return List.of(txn);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public Committer<Txn<T>> createCommitter(CommitterInitContext context) {
        @SuppressWarnings("unchecked")
        Store<T> store = (Store<T>) STORES.get(name);
        return new Committer<>() {
            @Override
            public void commit(Collection<CommitRequest<Txn<T>>> requests) {
                for (CommitRequest<Txn<T>> r : requests) {
                    Txn<T> txn = r.getCommittable();
                    if (store.ids.add(txn.id())) {
                        store.records.addAll(txn.records());
                    } else {
                        r.signalAlreadyCommitted();
                    }
                }
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public SimpleVersionedSerializer<Txn<T>> getCommittableSerializer() {
        return new SimpleVersionedSerializer<>() {
            @Override
            public int getVersion() {
                return 1;
            }

            @Override
            public byte[] serialize(Txn<T> txn) throws IOException {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    out.writeUTF(txn.id());
                    out.writeInt(txn.records().size());
                    for (T t : txn.records()) {
                        codec.write(t, out);
                    }
                }
                return bytes.toByteArray();
            }

            @Override
            public Txn<T> deserialize(int version, byte[] serialized) throws IOException {
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                    String id = in.readUTF();
                    int n = in.readInt();
                    List<T> records = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        records.add(codec.read(in));
                    }
                    return new Txn<>(id, records);
                }
            }
        };
    }
}
