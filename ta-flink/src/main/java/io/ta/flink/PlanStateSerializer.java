package io.ta.flink;

import io.ta.error.InvalidParameterException;
import java.io.IOException;
import java.io.Serial;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer for {@link PlanState}: a value is the timestamp of the last committed bar followed by the plan
 * snapshot bytes ({@code PlanSnapshot.toBytes}, treated as opaque: the runtime versions and checks them).
 *
 * <p>Its configuration snapshot ({@link Snapshot}, version {@value Snapshot#VERSION}) records the plan — the root names,
 * their DSL text, the zone of its calendar periods and sessions, and the fingerprint — so Flink can read old state back without the job's code, and so restoring a
 * checkpoint or savepoint into a job whose plan computes something else is refused before any state is read: Flink
 * reports the two serializers as incompatible and {@link #toString()} names both plans.
 */
public final class PlanStateSerializer extends TypeSerializer<PlanState> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** Longest plan snapshot accepted when reading state: a corrupt length must not become a huge allocation. */
    private static final int MAX_SNAPSHOT_BYTES = 1 << 28;

    private final PlanSpec spec;

    /**
     * A serializer for states of {@code spec}'s plan.
     *
     * @throws InvalidParameterException if {@code spec} is null
     */
    public PlanStateSerializer(PlanSpec spec) {
        if (spec == null) {
            throw new InvalidParameterException("ta_flink", List.of("spec"), "non-null", "ta_flink: spec must not be null");
        }
        this.spec = spec;
    }

    /** The plan whose states this serializer reads and writes. */
    public PlanSpec spec() {
        return spec;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<PlanState> duplicate() {
        // Stateless apart from the immutable compiled plan, so one instance is safe on any thread.
        return this;
    }

    @Override
    public PlanState createInstance() {
        return spec.compiled().newState();
    }

    @Override
    public PlanState copy(PlanState from) {
        return from.copy();
    }

    @Override
    public PlanState copy(PlanState from, PlanState reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(PlanState record, DataOutputView target) throws IOException {
        byte[] bytes = record.snapshotBytes();
        target.writeLong(record.lastTime());
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public PlanState deserialize(DataInputView source) throws IOException {
        long lastTime = source.readLong();
        byte[] bytes = new byte[length(source.readInt())];
        source.readFully(bytes);
        return spec.compiled().restore(bytes, lastTime);
    }

    @Override
    public PlanState deserialize(PlanState reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.writeLong(source.readLong());
        byte[] bytes = new byte[length(source.readInt())];
        source.readFully(bytes);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    private static int length(int n) throws IOException {
        if (n < 0 || n > MAX_SNAPSHOT_BYTES) {
            throw new IOException("ta_flink: corrupt plan state (snapshot length " + n + ")");
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanStateSerializer s && s.spec.fingerprint() == spec.fingerprint() && s.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(spec.fingerprint());
    }

    @Override
    public TypeSerializerSnapshot<PlanState> snapshotConfiguration() {
        return new Snapshot(spec);
    }

    @Override
    public String toString() {
        return "ta plan state " + spec;
    }

    /**
     * The serializer's configuration as written into checkpoints and savepoints: the plan (root names, DSL text, zone,
     * fingerprint). Version 1, written before plans had a zone, is read as UTC. Two plans are compatible exactly when their fingerprints are equal — the same computation, however
     * it was spelled.
     */
    public static final class Snapshot implements TypeSerializerSnapshot<PlanState> {
        /** The layout of this snapshot: 2 adds the zone; a state value's layout is the same in both. */
        public static final int VERSION = 2;

        /** Longest name or expression text accepted when reading a snapshot. */
        private static final int MAX_TEXT_BYTES = 1 << 22;

        private PlanSpec spec;
        private long fingerprint;

        /** For Flink, which instantiates snapshots reflectively before {@link #readSnapshot}. */
        public Snapshot() {}

        Snapshot(PlanSpec spec) {
            this.spec = spec;
            this.fingerprint = spec.fingerprint();
        }

        @Override
        public int getCurrentVersion() {
            return VERSION;
        }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeLong(fingerprint);
            writeText(out, spec.zone().getId());
            Map<String, String> expressions = spec.expressions();
            out.writeInt(expressions.size());
            for (Map.Entry<String, String> e : expressions.entrySet()) {
                writeText(out, e.getKey());
                writeText(out, e.getValue());
            }
        }

        @Override
        public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
            if (readVersion < 1 || readVersion > VERSION) {
                throw new IOException("ta_flink: plan state format " + readVersion + " is not supported (this build reads 1 to "
                        + VERSION + ")");
            }
            long stored = in.readLong();
            String zone = readVersion >= 2 ? readText(in) : null;
            int n = in.readInt();
            if (n < 1 || n > MAX_TEXT_BYTES) {
                throw new IOException("ta_flink: corrupt plan state configuration (" + n + " expressions)");
            }
            Map<String, String> expressions = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                expressions.put(readText(in), readText(in));
            }
            ClassLoader previous = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(userCodeClassLoader);
            try {
                this.spec = PlanSpec.of(expressions).inZone(PlanSpec.zoneOf(zone));
            } finally {
                Thread.currentThread().setContextClassLoader(previous);
            }
            this.fingerprint = stored;
        }

        @Override
        public TypeSerializer<PlanState> restoreSerializer() {
            return new PlanStateSerializer(spec);
        }

        @Override
        public TypeSerializerSchemaCompatibility<PlanState> resolveSchemaCompatibility(
                TypeSerializerSnapshot<PlanState> oldSnapshot) {
            return oldSnapshot instanceof Snapshot old && old.fingerprint == fingerprint
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }

        private static void writeText(DataOutputView out, String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        private static String readText(DataInputView in) throws IOException {
            int n = in.readInt();
            if (n < 0 || n > MAX_TEXT_BYTES) {
                throw new IOException("ta_flink: corrupt plan state configuration (text length " + n + ")");
            }
            byte[] b = new byte[n];
            in.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }
}
