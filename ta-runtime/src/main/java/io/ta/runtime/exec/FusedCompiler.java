package io.ta.runtime.exec;

import io.ta.annotation.Complexity;
import io.ta.expr.Expr.Op;
import io.ta.runtime.Plan;
import io.ta.runtime.plan.Node;
import io.ta.runtime.plan.Ops;
import io.ta.spi.ExactArithmetic;
import io.ta.spi.InputBacked;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Compiles a plan's {@link ExecNode executable nodes} into one hidden class ({@link Fused}) whose loop body runs the
 * whole plan for one bar: a column is an array load, a kernel is a direct call of its generated
 * {@code Name_Descriptor.stepKernel} (batch) or typed {@code update}/{@code preview}/{@code replaceLast} (streams) on
 * the concrete final {@code NameStream}, an operator is a call of its {@link Ops} method, and every intermediate value is a local
 * variable. The JIT inlines all of it into one loop, so the plan pays no interface call, no switch and no intermediate
 * array per bar, and independent kernels' dependency chains overlap in the core instead of running one after another.
 * A batch makes its kernels in its own method and gives each kernel costing more than O(1) per bar a loop of its own
 * ({@link #ownLoop}); a batch larger than one compilation holds is cut into stages, each a class of its own
 * ({@link #stages}); a stream's update is cut into parts of a few kernels each ({@link #streamParts}).
 *
 * <p>Declines (returns null, and the executors interpret the same nodes) when the plan has a time-aware node
 * (timeframes, wall-clock shifts and sessions run interpreted), when a kernel's classes are not visible from
 * this library's class loader (an extension loaded in a child loader) or its package is not exported to this module
 * (a kernel module that keeps its streams to itself), when a generated method would exceed the size
 * the JIT compiles (HotSpot never compiles methods over 8,000 bytes of bytecode), or when {@code -Dta.fused=false}.
 */
final class FusedCompiler {
    /** HotSpot's {@code HugeMethodLimit}: larger methods are never JIT-compiled. */
    private static final int MAX_METHOD_BYTES = 8000;
    private static final boolean ENABLED = !"false".equals(System.getProperty("ta.fused"));
    /**
     * Kernels per part of a plan stream's update ({@link #streamParts}). Measured on the 33-node plan's stream (nine
     * kernels, one JVM a run): one kernel a part 146–157 ns/bar, two 141–152, three and four 132–138, against 154–168
     * uncut; past the budget the fewer parts the fewer calls, and each part boundary costs its stores and loads.
     */
    private static final int PART_KERNELS = 4;

    private static final ClassDesc CD_FUSED = ClassDesc.of(Fused.class.getName());
    private static final ClassDesc CD_STREAM = ClassDesc.of(KernelStream.class.getName());
    private static final ClassDesc CD_STREAMS = CD_STREAM.arrayType();
    private static final ClassDesc CD_OPS = ClassDesc.of(Ops.class.getName());
    private static final ClassDesc CD_MATH = ClassDesc.of(Math.class.getName());
    private static final ClassDesc CD_DOUBLE = ClassDesc.of(Double.class.getName());
    private static final ClassDesc CD_INPUT_BACKED = ClassDesc.of(InputBacked.class.getName());
    private static final MethodTypeDesc MTD_D_DDD = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_double,
            ConstantDescs.CD_double, ConstantDescs.CD_double);
    private static final MethodTypeDesc MTD_D_J = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long);
    private static final Long ONE_BITS = Double.doubleToRawLongBits(1.0);
    private static final ClassDesc CD_D2 = ConstantDescs.CD_double.arrayType(2);
    private static final ClassDesc CD_D1 = ConstantDescs.CD_double.arrayType();
    private static final MethodTypeDesc MTD_V_D1D1 = MethodTypeDesc.of(ConstantDescs.CD_void, CD_D1, CD_D1);
    private static final MethodTypeDesc MTD_D_D = MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_double);
    private static final MethodTypeDesc MTD_D_DD =
            MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_double, ConstantDescs.CD_double);

    /**
     * Compiled plans, shared by equal plans (a plan is immutable; the hidden class is unloaded with its plan), one per
     * set of kernel descriptors: equal plans name the same kernels, but two registries may give a name descriptors of
     * their own ({@link io.ta.runtime.Registry#of}, a registry of another class loader), whose code is not the other's.
     */
    private static final Map<Plan, List<Compiled>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * A plan compiled from {@code kernels}, its kernel nodes' descriptors in node order; empty if declined. Held weakly:
     * a plan declined for kernels of a class loader this library cannot see must not keep that loader alive.
     */
    private record Compiled(List<WeakReference<KernelDescriptor>> kernels, Optional<Factory> factory) {
        /** Whether {@code plan}'s kernel nodes have these very descriptors. */
        boolean fits(Plan plan) {
            int i = 0;
            for (Node n : plan.nodes()) {
                if (n instanceof Node.Kernel k && (i >= kernels.size() || kernels.get(i++).get() != k.descriptor())) {
                    return false;
                }
            }
            return i == kernels.size();
        }

        /** Whether a descriptor it was compiled from is gone, so that no plan fits it any more. */
        boolean stale() {
            return kernels.stream().anyMatch(k -> k.get() == null);
        }

        static Compiled of(Plan plan, Optional<Factory> factory) {
            List<WeakReference<KernelDescriptor>> kernels = new ArrayList<>();
            for (Node n : plan.nodes()) {
                if (n instanceof Node.Kernel k) {
                    kernels.add(new WeakReference<>(k.descriptor()));
                }
            }
            return new Compiled(List.copyOf(kernels), factory);
        }
    }

    /**
     * The bars a plan runs over, counting the runs that interpreted it, from which a {@link BlockExecutor} compiles
     * it. Measured in fresh JVMs ({@code FirstCalls strategy N 10}): a first run over 1,000 bars took 26 ms
     * interpreted and 110 ms compiled, over 100,000 bars 47 and 122; ten runs over 300,000 bars are level, and over
     * 1M bars ten runs took 465 ms interpreted against 288. Lower, more single runs would be compiled that do not pay
     * for it; higher, a loop over short histories would stay interpreted (twice a compiled run's time at 1,000 bars)
     * longer (docs/performance.md, "The first calls").
     */
    static final int COMPILE_FROM = 100_000;

    /** The bars each plan not yet compiled has been run over, interpreted. */
    private static final Map<Plan, AtomicLong> INTERPRETED = Collections.synchronizedMap(new WeakHashMap<>());

    private FusedCompiler() {}

    /**
     * Whether a run of {@code bars} bars should compile {@code plan}: it is compiled already, or it will have run
     * over {@link #COMPILE_FROM} bars with this run. A run that answers false is counted.
     */
    static boolean worthCompiling(Plan plan, int bars) {
        if (!ENABLED) {
            return false;
        }
        if (bars >= COMPILE_FROM || compiledAlready(plan)) {
            return true;
        }
        AtomicLong counted = INTERPRETED.computeIfAbsent(plan, p -> new AtomicLong());
        if (counted.addAndGet(bars) < COMPILE_FROM) {
            return false;
        }
        INTERPRETED.remove(plan); // the run compiles it, and the cache answers from now on
        return true;
    }

    /** Whether {@code plan} has been compiled (or declined) in this JVM. */
    static boolean compiledAlready(Plan plan) {
        return cached(plan) != null;
    }

    /** The compiled form of {@code plan} made from its kernels' descriptors, or null if there is none yet. */
    private static Optional<Factory> cached(Plan plan) {
        List<Compiled> all = CACHE.get(plan);
        if (all != null) {
            for (Compiled c : all) {
                if (c.fits(plan)) {
                    return c.factory();
                }
            }
        }
        return null;
    }

    /**
     * {@link #compile}, once per plan; {@code prototypes} (fresh streams, one per kernel node) is only asked for when
     * the plan is compiled, so a cached plan costs a run no stream construction.
     */
    static Factory forPlan(Plan plan, ExecNode[] nodes, Supplier<KernelStream[]> prototypes,
            int[] rootSlots) {
        if (!ENABLED) {
            return null;
        }
        Optional<Factory> f = cached(plan);
        if (f == null) {
            f = Optional.ofNullable(compile(nodes, prototypes.get(), rootSlots));
            Compiled made = Compiled.of(plan, f);
            CACHE.merge(plan, List.of(made), (had, add) -> {
                List<Compiled> all = new ArrayList<>(had);
                all.removeIf(c -> c.fits(plan) || c.stale()); // fits: compiled on another thread at the same time
                all.add(made);
                return List.copyOf(all);
            });
        }
        return f.orElse(null);
    }

    /**
     * Makes a {@link Fused} over given kernel streams: a plan stream's, or the prototypes for a batch run. A batch never
     * updates its streams: it only reads their parameters through {@code Name_Descriptor.newKernel(stream)}, so runs on
     * several threads share the prototypes. A plan cut into {@link #stages} has a class for its streams and one per
     * stage for its batch.
     */
    record Factory(MethodHandle constructor, Prototypes prototypes, MethodHandle[] stages, Staged.Layout layout) {
        /** The plan's stream methods over {@code streams}. */
        Fused make(KernelStream[] streams) {
            return make(constructor, streams);
        }

        /** The plan's batch, over the prototypes: the plan's class, or its stages'. */
        Fused batch() {
            KernelStream[] streams = prototypes.get();
            if (stages.length == 0) {
                return make(constructor, streams);
            }
            Fused[] batch = new Fused[stages.length];
            for (int s = 0; s < batch.length; s++) {
                batch[s] = make(stages[s], streams);
            }
            return new Staged(batch, layout);
        }

        private static Fused make(MethodHandle constructor, KernelStream[] streams) {
            try {
                return (Fused) (Object) constructor.invokeExact(streams);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("fused plan: constructor failed", t);
            }
        }
    }

    /**
     * The streams a compiled plan's batch reads its kernels' parameters from, one per kernel node, made on the first
     * batch and kept for the next (a run that built them cost the strategy twice the fixed cost). Not made before: a
     * full set is as large as a plan stream's own (a window of up to 1,024 slots is allocated in full), and a plan
     * that only streams held it for its whole life, twice its stream's memory. Holds the kernels' descriptors and
     * parameters, never the plan, which keys the cache weakly.
     */
    static final class Prototypes {
        private final KernelDescriptor[] descriptors;
        private final ParamValues[] params;
        private volatile KernelStream[] made;

        Prototypes(ExecNode[] nodes) {
            descriptors = new KernelDescriptor[nodes.length];
            params = new ParamValues[nodes.length];
            for (ExecNode n : nodes) {
                if (n instanceof ExecNode.Kernel k) {
                    descriptors[k.node()] = k.descriptor();
                    params[k.node()] = k.params();
                }
            }
        }

        /** The prototypes; threads that first ask at once may each make a set, and any set serves. */
        KernelStream[] get() {
            KernelStream[] m = made;
            if (m == null) {
                m = new KernelStream[descriptors.length];
                for (int i = 0; i < m.length; i++) {
                    if (descriptors[i] != null) {
                        m[i] = descriptors[i].newStream(params[i]);
                    }
                }
                made = m;
            }
            return m;
        }
    }

    /**
     * What the generated code needs to know about one kernel node's generated classes; {@code lent}, the input each
     * of the kernel's {@code @OfInput} parts is pushed ({@link #lentInputs}).
     */
    private record KernelCode(ClassDesc stream, ClassDesc internals, ClassDesc kernel, int inputs, int outputs,
            boolean multi, int[] lent) {}

    /**
     * The compiled form of {@code nodes}, or null if this plan runs interpreted (see the class comment).
     *
     * @param prototypes one stream per kernel node (indexed by node id), used for its class only
     * @param rootSlots the slot of every root, in root order
     */
    static Factory compile(ExecNode[] nodes, KernelStream[] prototypes, int[] rootSlots) {
        return compile(nodes, prototypes, rootSlots, STAGE_BYTES);
    }

    /** {@link #compile}, its batch cut into {@link #stages} of at most {@code stageBytes} estimated bytes. */
    static Factory compile(ExecNode[] nodes, KernelStream[] prototypes, int[] rootSlots, int stageBytes) {
        if (!ENABLED) {
            return null;
        }
        try {
            KernelCode[] code = new KernelCode[nodes.length];
            for (ExecNode n : nodes) {
                if (n instanceof ExecNode.Timed) {
                    return null;
                }
                if (n instanceof ExecNode.Kernel k) {
                    code[k.node()] = describe(prototypes[k.node()], k.inputs().length, k.outputs());
                    if (code[k.node()] == null) {
                        return null;
                    }
                }
            }
            Operators ops = operators(nodes);
            InlinedSize sizes = new InlinedSize(FusedCompiler.class.getClassLoader());
            List<Stage> stages = stages(nodes, code, rootSlots, sizes, stageBytes);
            MethodHandle bars = define(generate(nodes, code, rootSlots, ops, stages.isEmpty(), true));
            MethodHandle[] batch = new MethodHandle[stages.size()];
            for (int s = 0; s < batch.length; s++) {
                batch[s] = define(generate(stages.get(s).nodes(), code, stages.get(s).rootSlots(), ops, true, false));
            }
            return bars == null || Arrays.asList(batch).contains(null) ? null
                    : new Factory(bars, new Prototypes(nodes), batch, Staged.layout(stages, columnCount(nodes)));
        } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException e) {
            // A kernel class this loader cannot link, or one whose generated stream predates the fused entry points:
            // the interpreter runs the same nodes.
            return null;
        }
    }

    /**
     * The constructor of the class {@code bytes} defines, or null if a method it runs per bar is over HotSpot's limit.
     * The constructor and {@code kernelOutputs} (once per run, once per snapshot) may be larger: interpreted, they cost
     * microseconds, and a plan of 800 kernels has a constructor of some 9,600 bytes.
     */
    private static MethodHandle define(byte[] bytes) throws ReflectiveOperationException {
        ClassModel model = ClassFile.of().parse(bytes);
        for (MethodModel m : model.methods()) {
            int length = m.findAttribute(Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            boolean perBar = !m.methodName().equalsString(ConstantDescs.INIT_NAME)
                    && !m.methodName().equalsString("kernelOutputs");
            if (perBar && length > MAX_METHOD_BYTES) {
                return null;
            }
        }
        MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
        MethodHandle ctor = lookup.findConstructor(lookup.lookupClass(),
                MethodType.methodType(void.class, KernelStream[].class));
        return ctor.asType(MethodType.methodType(Object.class, KernelStream[].class));
    }

    /**
     * The generated classes of one kernel stream, or null if the fused entry points are missing or invisible: the
     * stream's typed per-bar methods, and the static entry points its descriptor class carries ({@code newKernel},
     * {@code stepKernel}, {@code outputN}, {@code outputAt}).
     */
    private static KernelCode describe(KernelStream prototype, int inputs, int outputs) throws ReflectiveOperationException {
        Class<?> stream = prototype.getClass();
        Class<?> internals = prototype.descriptor().getClass();
        Method newKernel = internals.getMethod("newKernel", stream);
        Class<?> kernel = newKernel.getReturnType();
        Class<?>[] stepParams = new Class<?>[inputs + 1];
        stepParams[0] = kernel;
        Arrays.fill(stepParams, 1, stepParams.length, double.class);
        Method step = internals.getMethod("stepKernel", stepParams);
        Class<?>[] updateParams = new Class<?>[inputs];
        Arrays.fill(updateParams, double.class);
        Method update = stream.getMethod("update", updateParams);
        boolean multi = step.getReturnType() == void.class;
        if (update.getReturnType() != (multi ? stream : double.class) || !Modifier.isStatic(step.getModifiers())) {
            return null;
        }
        ClassLoader mine = FusedCompiler.class.getClassLoader();
        Module runtime = FusedCompiler.class.getModule();
        for (Class<?> c : List.of(stream, internals, kernel)) {
            if (!Modifier.isPublic(c.getModifiers()) || Class.forName(c.getName(), false, mine) != c
                    || !c.getModule().isExported(c.getPackageName(), runtime)) {
                return null;
            }
        }
        // On the module path a kernel library is bound as a service provider, which adds no read edge: without one the
        // generated class (in this module) fails with IllegalAccessError on its first call into an extension's
        // stream. A no-op on the class path, where every module is unnamed.
        runtime.addReads(stream.getModule()).addReads(internals.getModule()).addReads(kernel.getModule());
        int[] lent = lentInputs(internals, kernel, inputs);
        return new KernelCode(ClassDesc.of(stream.getName()), ClassDesc.of(internals.getName()), ClassDesc.of(kernel.getName()),
                inputs, outputs, multi, lent);
    }

    /**
     * The input each {@code @OfInput} part of the kernel is pushed, by part ({@code lentInput(j)}), if its descriptor
     * has {@code lentInput} and {@code lendablePart}; none otherwise.
     */
    private static int[] lentInputs(Class<?> internals, Class<?> kernel, int inputs)
            throws ReflectiveOperationException {
        Method input;
        try {
            input = internals.getMethod("lentInput", int.class);
            Method part = internals.getMethod("lendablePart", kernel, int.class);
            if (!Modifier.isStatic(input.getModifiers()) || input.getReturnType() != int.class
                    || !Modifier.isStatic(part.getModifiers()) || part.getReturnType() != InputBacked.class) {
                return new int[0];
            }
        } catch (NoSuchMethodException e) {
            return new int[0];
        }
        List<Integer> lent = new ArrayList<>();
        for (int j = 0; j < MAX_LENT_PARTS; j++) {
            int in = (int) input.invoke(null, j);
            if (in < 0 || in >= inputs) {
                break;
            }
            lent.add(in);
        }
        return lent.stream().mapToInt(Integer::intValue).toArray();
    }

    /** More {@code @OfInput} parts than any kernel has fields for: a bound on what {@link #lentInputs} asks. */
    private static final int MAX_LENT_PARTS = 1024;

    /**
     * The hidden class of a plan, or of one of its {@link #stages}: with its batch ({@code batch} and {@code run}) if
     * {@code batch}, with its stream methods ({@code update}, {@code preview}, {@code replaceLast} and
     * {@code kernelOutputs}) if {@code streams}. A class never has the methods its plan does not call on it.
     */
    private static byte[] generate(ExecNode[] nodes, KernelCode[] code, int[] rootSlots, Operators ops, boolean batch,
            boolean streams) {
        ClassDesc self = ClassDesc.of(FusedCompiler.class.getPackageName() + ".FusedPlan");
        List<ExecNode.Kernel> kernels = new ArrayList<>();
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Kernel k) {
                kernels.add(k);
            }
        }
        return ClassFile.of().build(self, cb -> {
            cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withInterfaceSymbols(CD_FUSED);
            for (ExecNode.Kernel k : kernels) {
                cb.withField("s" + k.node(), code[k.node()].stream(), ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL);
            }
            cb.withMethodBody(ConstantDescs.INIT_NAME, MethodTypeDesc.of(ConstantDescs.CD_void, CD_STREAMS),
                    ClassFile.ACC_PUBLIC, b -> {
                        b.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
                        for (ExecNode.Kernel k : kernels) {
                            KernelCode c = code[k.node()];
                            b.aload(0).aload(1).loadConstant(k.node()).aaload().checkcast(c.stream())
                                    .putfield(self, "s" + k.node(), c.stream());
                        }
                        b.return_();
                    });
            if (batch) {
                int[] columns = batchColumns(nodes);
                MethodTypeDesc run = runType(columns.length, rootSlots.length);
                MethodTypeDesc entry = MethodTypeDesc.of(ConstantDescs.CD_void, CD_D2, CD_D2, ConstantDescs.CD_int,
                        ConstantDescs.CD_int);
                cb.withMethodBody("batch", entry, ClassFile.ACC_PUBLIC,
                        b -> batchEntry(b, self, columns, rootSlots.length, run));
                cb.withMethodBody("run", run, ClassFile.ACC_PRIVATE,
                        b -> batch(b, self, nodes, code, rootSlots, ops, columns));
            }
            if (!streams) {
                return;
            }
            List<List<ExecNode>> parts = streamParts(nodes);
            Set<Integer> stored = storedSlots(parts, rootSlots);
            Map<Integer, Integer> columnWriter = columnWriters(nodes, parts);
            for (String mode : List.of("update", "preview", "replaceLast")) {
                for (int p = 0; p < parts.size(); p++) {
                    int part = p;
                    cb.withMethodBody(mode + p, MTD_V_D1D1, ClassFile.ACC_PRIVATE,
                            b -> barPart(b, self, nodes, parts.get(part), part, code, mode, stored, columnWriter, ops));
                }
                cb.withMethodBody(mode, MTD_V_D1D1, ClassFile.ACC_PUBLIC,
                        b -> bar(b, self, nodes, parts.size(), mode, columnWriter));
            }
            cb.withMethodBody("kernelOutputs", MethodTypeDesc.of(ConstantDescs.CD_void, CD_D1), ClassFile.ACC_PUBLIC,
                    b -> kernelOutputs(b, self, nodes, code));
        });
    }

    /**
     * Estimated bytecode ({@link InlinedSize}) of one batch stage's nodes. C2 inlines at most 8,000 bytes into one
     * compilation ({@code DesiredMethodLimit}), and past it every call stays a call: a kernel whose step is called
     * loses its registers, and every value live across the call spills. Measured (performance-log.md, "Large plans in
     * stages"; median ns/bar of runs 20–29 in a JVM): the 33-node plan twice over, 154–219 as one method and 115–140
     * in stages in five JVMs of six; the 33-node plan itself (estimated at 8,900 bytes) 72–109 whole, by JVM, and
     * 68.5–72.5 in two stages. The estimate overcounts (it cannot see a profile), so the budget is under C2's.
     */
    static final int STAGE_BYTES = 7000;
    /**
     * At most this much of a {@link #STAGE_BYTES} budget for one kernel: the estimate counts every branch of a step,
     * where C2 compiles the ones that ran (stochastic's and macd's average-type switches reach every average: 10,900
     * and 15,200 bytes).
     */
    private static final int KERNEL_BYTES = 2000;
    /** An operator's share of the budget: its own bytecode in {@code run} (logic and comparisons call nothing else). */
    private static final int OPERATOR_BYTES = 20;

    /**
     * One stage of a batch ({@link #stages}): its nodes, the slots it writes to arrays, and for each of those, the plan
     * root it is ({@code >= 0}) or the array {@code -1 - t} a later stage reads.
     */
    record Stage(ExecNode[] nodes, int[] rootSlots, int[] targets) {}

    /**
     * A batch cut, in plan order, into stages of at most {@code budget} estimated bytes ({@link #STAGE_BYTES}), or none
     * if the plan fits in one. Each stage is a plan of its own, compiled to a class of its own: its kernels are made in
     * its {@code run} and stepped over every bar, and a value a later stage reads crosses in an array of every bar, as
     * a hand composition's do. In the later stage, that value is a column: a column node of the same slot, reading
     * array {@code columnCount + t} of the columns its batch is given.
     */
    static List<Stage> stages(ExecNode[] nodes, KernelCode[] code, int[] rootSlots, InlinedSize sizes, int budget) {
        int most = 0;
        for (ExecNode n : nodes) {
            most += n instanceof ExecNode.Kernel ? KERNEL_BYTES : n instanceof ExecNode.Operator ? OPERATOR_BYTES : 0;
        }
        if (most <= budget) {
            return List.of(); // fits whatever the kernels' sizes: no class file is read
        }
        List<List<ExecNode>> groups = cut(nodes, n -> n instanceof ExecNode.Kernel k
                ? Math.min(KERNEL_BYTES, size(code[k.node()], sizes)) : OPERATOR_BYTES, budget);
        if (groups.size() == 1) {
            return List.of();
        }
        Map<Integer, Integer> stageOfSlot = groupOfSlot(groups);
        Map<Integer, ExecNode> free = new HashMap<>();
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Column || n instanceof ExecNode.Constant) {
                free.put(n.slot(), n);
            }
        }
        int columns = columnCount(nodes);
        int last = groups.size() - 1;
        Map<Integer, Integer> crossing = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (int g = 0; g <= last; g++) {
            Set<Integer> reads = new TreeSet<>();
            for (ExecNode n : groups.get(g)) {
                for (int s : readSlots(n)) {
                    reads.add(s);
                }
            }
            List<Integer> slots = new ArrayList<>();
            List<Integer> targets = new ArrayList<>();
            for (int r = 0; r < rootSlots.length; r++) {
                Integer from = stageOfSlot.get(rootSlots[r]);
                if (from == null ? g == last : from == g) {
                    slots.add(rootSlots[r]);
                    targets.add(r);
                    reads.add(rootSlots[r]);
                }
            }
            for (int later = g + 1; later <= last; later++) {
                for (ExecNode n : groups.get(later)) {
                    for (int s : readSlots(n)) {
                        Integer from = stageOfSlot.get(s);
                        if (from != null && from == g && !crossing.containsKey(s)) {
                            crossing.put(s, crossing.size());
                            slots.add(s);
                            targets.add(-1 - crossing.get(s));
                        }
                    }
                }
            }
            List<ExecNode> stage = new ArrayList<>();
            for (int s : reads) {
                Integer from = stageOfSlot.get(s);
                if (from == null) {
                    stage.add(free.get(s));
                } else if (from < g) {
                    stage.add(new ExecNode.Column(s, columns + crossing.get(s)));
                }
            }
            stage.addAll(groups.get(g));
            stages.add(new Stage(stage.toArray(new ExecNode[0]), slots.stream().mapToInt(Integer::intValue).toArray(),
                    targets.stream().mapToInt(Integer::intValue).toArray()));
        }
        return stages;
    }

    /** A kernel's estimated inlined bytecode in a batch: making it, its step and reading its outputs. */
    private static int size(KernelCode c, InlinedSize sizes) {
        ClassDesc[] params = new ClassDesc[c.inputs() + 1];
        params[0] = c.kernel();
        Arrays.fill(params, 1, params.length, ConstantDescs.CD_double);
        int size = sizes.of(c.internals(), "newKernel", MethodTypeDesc.of(c.kernel(), c.stream()))
                + sizes.of(c.internals(), "stepKernel", MethodTypeDesc.of(c.multi() ? ConstantDescs.CD_void
                        : ConstantDescs.CD_double, params));
        for (int o = 0; c.multi() && o < c.outputs(); o++) {
            size += sizes.of(c.internals(), "output" + o, MethodTypeDesc.of(ConstantDescs.CD_double, c.kernel()));
        }
        return size;
    }

    /** The number of plan columns: one more than the highest column a column node reads. */
    private static int columnCount(ExecNode[] nodes) {
        int columns = 0;
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Column c) {
                columns = Math.max(columns, c.column() + 1);
            }
        }
        return columns;
    }

    private static int slots(ExecNode[] nodes) {
        int s = 0;
        for (ExecNode n : nodes) {
            s = Math.max(s, n.slot() + width(n));
        }
        return s;
    }

    /**
     * Whether node {@code n} is a kernel that runs in a loop of its own over each block instead of in the plan's shared
     * loop: its state as built with the node's parameters
     * ({@link io.ta.spi.KernelDescriptor#timeCost(io.ta.spi.ParamValues)}, which builds the kernel) has a part whose
     * per-bar cost is above O(1) (an exact window's pass once per window, an order-statistics tree, a rescan);
     * {@code macd}, whose averages could be windows but are always EMAs, is not one. That work is a call, and C2 makes
     * every value live across a call in the loop spill to the stack: in the shared loop that is every other kernel's
     * state. In a loop of its own the kernel runs as in a generated batch.
     * Measured on the strategy plan (100,000 bars, CPU ns/bar): {@code sma}, then on its exact block window, in the
     * shared loop cost the plan 11.5 against 5.5 for its own batch, while the plan's three O(1) kernels took 12.5
     * fused against 15.0 composed by hand.
     */
    private static boolean ownLoop(ExecNode n) {
        return n instanceof ExecNode.Kernel k && k.descriptor().timeCost(k.params()) != Complexity.CONSTANT;
    }

    /**
     * The loops of one block, in order: first every {@link #ownLoop} kernel that reads only columns and constants, each
     * with the operators that read nothing but its outputs, constants and each other; then the other nodes in plan
     * order, cut wherever an own-loop kernel stands. Columns and constants are in none: a loop loads the columns it
     * reads, and constants are locals set once.
     *
     * <p>Why such operators go with their kernel: the kernel's outputs then reach them in registers, where a loop of
     * their own reads them from a block buffer that the kernel's loop writes. {@code rolling_max(close, 20) + 1} took 7.7
     * ns/bar that way against 5.6 for the rolling max alone, and 5.7 with the addition in its loop. An operator that
     * also reads a column stays out, as measured rather than explained: {@code close < bbands(close, 20, 2).upper and
     * close > bbands(close, 20, 2).lower} took 10.8 ns/bar with its operators in the kernel's loop against 9.5 without,
     * with the column loaded again after the kernel's step as well, where {@code close < rolling_max(close, 20)} gained
     * (performance-log.md, "Operators in their kernel's loop").
     */
    static List<List<ExecNode>> loops(ExecNode[] nodes) {
        Set<Integer> free = new HashSet<>();
        Set<Integer> constants = new HashSet<>();
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Column || n instanceof ExecNode.Constant) {
                free.add(n.slot());
            }
            if (n instanceof ExecNode.Constant) {
                constants.add(n.slot());
            }
        }
        List<List<ExecNode>> loops = new ArrayList<>();
        List<ExecNode> rest = new ArrayList<>();
        Set<ExecNode> own = new HashSet<>();
        Map<Integer, List<ExecNode>> hoisted = new HashMap<>();
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Column || n instanceof ExecNode.Constant) {
                continue;
            }
            if (ownLoop(n)) {
                own.add(n);
            }
            List<ExecNode> loop = null;
            if (own.contains(n) && Arrays.stream(((ExecNode.Kernel) n).inputs()).allMatch(free::contains)) {
                loop = new ArrayList<>();
                loops.add(loop);
            } else if (n instanceof ExecNode.Operator) {
                loop = hoistedLoopOf(readSlots(n), constants, hoisted);
            }
            if (loop == null) {
                rest.add(n);
            } else {
                loop.add(n);
                for (int s : producedSlots(n)) {
                    hoisted.put(s, loop);
                }
            }
        }
        List<ExecNode> group = new ArrayList<>();
        for (ExecNode n : rest) {
            if (own.contains(n)) {
                if (!group.isEmpty()) {
                    loops.add(group);
                    group = new ArrayList<>();
                }
                loops.add(List.of(n));
            } else {
                group.add(n);
            }
        }
        if (!group.isEmpty() || loops.isEmpty()) {
            loops.add(group);
        }
        return loops;
    }

    /**
     * The one hoisted own loop ({@link #loops}) that produces the slots an operator reads, if each of them is produced
     * there or is a constant; else null.
     */
    private static List<ExecNode> hoistedLoopOf(int[] reads, Set<Integer> constants,
            Map<Integer, List<ExecNode>> hoisted) {
        List<ExecNode> loop = null;
        for (int s : reads) {
            List<ExecNode> from = hoisted.get(s);
            if (from == null ? !constants.contains(s) : loop != null && loop != from) {
                return null;
            }
            loop = from == null ? loop : from;
        }
        return loop;
    }

    /** How many slots node {@code n} writes, from {@code n.slot()} on. */
    private static int width(ExecNode n) {
        return n instanceof ExecNode.Kernel k ? k.outputs() : n instanceof ExecNode.Timed t ? t.outputs() : 1;
    }

    private static int[] producedSlots(ExecNode n) {
        int[] out = new int[width(n)];
        for (int o = 0; o < out.length; o++) {
            out[o] = n.slot() + o;
        }
        return out;
    }

    private static int[] readSlots(ExecNode n) {
        return switch (n) {
            case ExecNode.Kernel k -> k.inputs();
            case ExecNode.Operator o -> o.b() < 0 ? new int[] {o.a()} : new int[] {o.a(), o.b()};
            default -> new int[0];
        };
    }

    /**
     * The plan columns a batch reads, ascending: the indices into {@code batch}'s {@code columns} of every column node.
     */
    private static int[] batchColumns(ExecNode[] nodes) {
        return Arrays.stream(nodes).filter(ExecNode.Column.class::isInstance).mapToInt(n -> ((ExecNode.Column) n).column())
                .distinct().sorted().toArray();
    }

    /**
     * Whether {@code run} takes each array as a parameter: a method has at most 255 parameter slots, so a plan with more
     * than 250 columns and roots passes {@code batch}'s {@code double[][]}s on instead.
     */
    private static boolean direct(int columns, int roots) {
        return columns + roots <= 250;
    }

    /** {@code run}'s type: one {@code double[]} per column read and per root, then the bar count and the block size. */
    private static MethodTypeDesc runType(int columns, int roots) {
        if (!direct(columns, roots)) {
            return MethodTypeDesc.of(ConstantDescs.CD_void, CD_D2, CD_D2, ConstantDescs.CD_int, ConstantDescs.CD_int);
        }
        ClassDesc[] p = new ClassDesc[columns + roots + 2];
        Arrays.fill(p, 0, columns + roots, CD_D1);
        p[p.length - 2] = ConstantDescs.CD_int;
        p[p.length - 1] = ConstantDescs.CD_int;
        return MethodTypeDesc.of(ConstantDescs.CD_void, p);
    }

    /**
     * {@code batch(columns, roots, n, block)}: takes each column and root array out of its {@code double[][]} and passes
     * it to {@code run} as a parameter of its own. Measured: the same loop reading its arrays out of a
     * {@code double[][]} in its own method ran a one-kernel plan ({@code macd(close, 12, 26, 9).macd}, 1M bars) at 11–13
     * ns/bar, against 7.3–9.6 with the arrays as parameters (performance-log.md, "Arrays as parameters").
     */
    private static void batchEntry(CodeBuilder b, ClassDesc self, int[] columns, int roots, MethodTypeDesc run) {
        b.aload(0);
        if (direct(columns.length, roots)) {
            for (int c : columns) {
                b.aload(1).loadConstant(c).aaload();
            }
            for (int r = 0; r < roots; r++) {
                b.aload(2).loadConstant(r).aaload();
            }
        } else {
            b.aload(1).aload(2);
        }
        b.iload(3).iload(4).invokevirtual(self, "run", run).return_();
    }

    /**
     * {@code run(column arrays…, root arrays…, n, block)} (or {@code run(columns, roots, n, block)}, see
     * {@link #direct}): for each block of bars, the {@link #loops} one after another, a value crossing from one loop to
     * a later one through a block-sized buffer, every other intermediate in a local; a plan of one loop runs it over
     * every bar at once.
     *
     * <p>The kernels are made here, in the method that loops over them, exactly as a generated {@code Ta.name(...)}
     * batch makes its one kernel: a kernel that never leaves the method is scalar-replaced by C2, its state kept in
     * registers for the whole run.
     */
    private static void batch(CodeBuilder b, ClassDesc self, ExecNode[] nodes, KernelCode[] code, int[] rootSlots,
            Operators ops, int[] columns) {
        boolean direct = direct(columns.length, rootSlots.length);
        int nLocal = direct ? 1 + columns.length + rootSlots.length : 3;
        int blockLocal = nLocal + 1;
        List<List<ExecNode>> loops = loops(nodes);
        Map<Integer, Integer> columnOfSlot = columnOfSlot(nodes);
        Map<Integer, Integer> loopOfSlot = groupOfSlot(loops);
        int last = loops.size() - 1;
        List<Set<Integer>> crossing = crossing(loops);
        Set<Integer> buffered = new TreeSet<>();
        List<Set<Integer>> columnsRead = new ArrayList<>();
        for (int l = 0; l < loops.size(); l++) {
            Set<Integer> cols = new TreeSet<>();
            for (ExecNode n : loops.get(l)) {
                for (int s : readSlots(n)) {
                    if (columnOfSlot.containsKey(s)) {
                        cols.add(s);
                    }
                }
            }
            if (l == last) {
                for (int r : rootSlots) {
                    if (columnOfSlot.containsKey(r)) {
                        cols.add(r);
                    }
                }
            }
            buffered.addAll(crossing.get(l));
            columnsRead.add(cols);
        }

        int[] kernelLocal = new int[code.length];
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Kernel k) {
                KernelCode c = code[k.node()];
                kernelLocal[k.node()] = b.allocateLocal(TypeKind.REFERENCE);
                b.aload(0).getfield(self, "s" + k.node(), c.stream())
                        .invokestatic(c.internals(), "newKernel", MethodTypeDesc.of(c.kernel(), c.stream()))
                        .astore(kernelLocal[k.node()]);
            }
        }
        Map<Integer, Integer> columnLocal = new HashMap<>();
        for (int c = 0; c < columns.length; c++) {
            int l = 1 + c;
            if (!direct) {
                l = b.allocateLocal(TypeKind.REFERENCE);
                b.aload(1).loadConstant(columns[c]).aaload().astore(l);
            }
            columnLocal.put(columns[c], l);
        }
        // A kernel's @OfInput parts are lent the columns they are pushed, as its own batch lends its inputs: the run
        // steps every kernel from the first bar, so push i is column[i], and sma's and wma's windows are read back
        // from the column instead of stored in a ring (performance-log.md, "Columns lent in a plan's batch"). The
        // backWith is called here, where this method's profile makes C2 inline it.
        int lent = b.allocateLocal(TypeKind.REFERENCE);
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Kernel k) {
                KernelCode c = code[k.node()];
                for (int part = 0; part < c.lent().length; part++) {
                    Integer column = columnOfSlot.get(k.inputs()[c.lent()[part]]);
                    if (column == null) {
                        continue;
                    }
                    int columnArray = columnLocal.get(column);
                    b.aload(kernelLocal[k.node()]).loadConstant(part)
                            .invokestatic(c.internals(), "lendablePart",
                                    MethodTypeDesc.of(CD_INPUT_BACKED, c.kernel(), ConstantDescs.CD_int))
                            .astore(lent).aload(lent)
                            .ifThen(Opcode.IFNONNULL, t -> t.aload(lent).aload(columnArray)
                                    .invokeinterface(CD_INPUT_BACKED, "backWith",
                                            MethodTypeDesc.of(ConstantDescs.CD_void, CD_D1)));
                }
            }
        }
        int[] rootLocal = new int[rootSlots.length];
        for (int r = 0; r < rootSlots.length; r++) {
            rootLocal[r] = 1 + columns.length + r;
            if (!direct) {
                rootLocal[r] = b.allocateLocal(TypeKind.REFERENCE);
                b.aload(2).loadConstant(r).aaload().astore(rootLocal[r]);
            }
        }
        Map<Integer, Integer> bufferLocal = new HashMap<>();
        for (int s : buffered) {
            int l = b.allocateLocal(TypeKind.REFERENCE);
            b.iload(blockLocal).newarray(TypeKind.DOUBLE).astore(l);
            bufferLocal.put(s, l);
        }
        int[] value = valueLocals(b, nodes);
        int start = b.allocateLocal(TypeKind.INT);
        int end = b.allocateLocal(TypeKind.INT);
        int i = b.allocateLocal(TypeKind.INT);
        // One loop hands nothing on through a block buffer: it runs over every bar at once, as a generated batch does.
        // The same loop inside the loop over blocks cost sma's 1.7 ns/bar against 1.2, even as one block
        // (performance-log.md, "Columns lent in a plan's batch").
        boolean blocked = loops.size() > 1;
        Label blocks = blocked ? b.newLabel() : null;
        Label done = blocked ? b.newLabel() : null;
        b.iconst_0().istore(start);
        if (blocked) {
            b.labelBinding(blocks);
            b.iload(start).iload(nLocal).if_icmpge(done);
            // start + min(block, n - start): never past n, where min(n, start + block) wrapped past 2^31 - 1 on a
            // history within a block of the largest array.
            b.iload(start).iload(blockLocal).iload(nLocal).iload(start).isub()
                    .invokestatic(CD_MATH, "min",
                            MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int))
                    .iadd().istore(end);
        } else {
            b.iload(nLocal).istore(end);
        }
        for (int l = 0; l < loops.size(); l++) {
            Label head = b.newLabel();
            Label next = b.newLabel();
            b.iload(start).istore(i);
            b.labelBinding(head);
            b.iload(i).iload(end).if_icmpge(next);
            for (int s : columnsRead.get(l)) {
                b.aload(columnLocal.get(columnOfSlot.get(s))).iload(i).daload().dstore(value[s]);
            }
            for (int s : crossing.get(l)) {
                b.aload(bufferLocal.get(s)).iload(i).iload(start).isub().daload().dstore(value[s]);
            }
            for (ExecNode n : loops.get(l)) {
                step(b, n, code, kernelLocal, value, ops);
            }
            for (ExecNode n : loops.get(l)) {
                for (int s : producedSlots(n)) {
                    if (buffered.contains(s)) {
                        b.aload(bufferLocal.get(s)).iload(i).iload(start).isub().dload(value[s]).dastore();
                    }
                }
            }
            for (int r = 0; r < rootSlots.length; r++) {
                Integer from = loopOfSlot.get(rootSlots[r]);
                if (from == null ? l == last : from == l) {
                    b.aload(rootLocal[r]).iload(i).dload(value[rootSlots[r]]).dastore();
                }
            }
            b.iinc(i, 1).goto_(head);
            b.labelBinding(next);
        }
        if (blocked) {
            b.iload(end).istore(start);
            b.goto_(blocks);
            b.labelBinding(done);
        }
        b.return_();
    }

    /** One node's work for one bar of a batch loop: its inputs are in {@code value}, and so are its outputs after. */
    private static void step(CodeBuilder b, ExecNode n, KernelCode[] code, int[] kernelLocal, int[] value,
            Operators ops) {
        switch (n) {
            case ExecNode.Kernel k -> {
                KernelCode c = code[k.node()];
                b.aload(kernelLocal[k.node()]);
                for (int in : k.inputs()) {
                    b.dload(value[in]);
                }
                ClassDesc[] params = new ClassDesc[c.inputs() + 1];
                params[0] = c.kernel();
                Arrays.fill(params, 1, params.length, ConstantDescs.CD_double);
                if (c.multi()) {
                    b.invokestatic(c.internals(), "stepKernel", MethodTypeDesc.of(ConstantDescs.CD_void, params));
                    for (int o = 0; o < c.outputs(); o++) {
                        b.aload(kernelLocal[k.node()])
                                .invokestatic(c.internals(), "output" + o, MethodTypeDesc.of(ConstantDescs.CD_double, c.kernel()))
                                .dstore(value[k.slot() + o]);
                    }
                } else {
                    b.invokestatic(c.internals(), "stepKernel", MethodTypeDesc.of(ConstantDescs.CD_double, params))
                            .dstore(value[k.slot()]);
                }
            }
            case ExecNode.Operator o -> operator(b, o, value, ops);
            case ExecNode.Column c -> throw new IllegalStateException("columns are loaded per loop");
            case ExecNode.Constant c -> throw new IllegalStateException("constants are set before the loops");
            case ExecNode.Timed t -> throw new IllegalStateException("plans with time-aware nodes are not compiled");
        }
    }

    /**
     * A plan stream's nodes cut into parts of {@link #PART_KERNELS} kernels, each compiled into a method of its own
     * ({@link #barPart}); an operator goes with the kernel before it. C2 inlines at most 8,000 bytes of bytecode into
     * one method ({@code DesiredMethodLimit}), and a kernel's update brings its whole tree (stochastic's about 2,000
     * bytes; macd's 4,000 while its averages went through {@code Ma.step}). In one method, every call past that budget
     * stayed a call: in the 33-node plan adx's update and its three outputs, obv's and sma's updates, two of
     * stochastic's outputs and three {@code and}s, each spilling the values live across it. Cut into parts, C2 inlines
     * parts into {@code update} while the budget lasts, and each part past it is one call to a method compiled on its
     * own with its kernels inlined.
     */
    static List<List<ExecNode>> streamParts(ExecNode[] nodes) {
        return cut(nodes, n -> n instanceof ExecNode.Kernel ? 1 : 0, PART_KERNELS);
    }

    /**
     * The nodes but columns and constants, in plan order, cut into groups whose sizes add up to at most
     * {@code budget}; a node larger than that is a group of its own. There is always a group, if an empty one.
     */
    private static List<List<ExecNode>> cut(ExecNode[] nodes, ToIntFunction<ExecNode> size, int budget) {
        List<List<ExecNode>> groups = new ArrayList<>();
        List<ExecNode> group = new ArrayList<>();
        int total = 0;
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Column || n instanceof ExecNode.Constant) {
                continue;
            }
            int s = size.applyAsInt(n);
            if (!group.isEmpty() && total + s > budget) {
                groups.add(group);
                group = new ArrayList<>();
                total = 0;
            }
            group.add(n);
            total += s;
        }
        groups.add(group);
        return groups;
    }

    /**
     * The computed slots a bar writes to {@code values}: the roots (the others are for a snapshot, which asks
     * {@link #kernelOutputs} for the kernels' and recomputes the operators'), and every slot a later part reads, which
     * it reads from there. (The columns are written as {@link #columnWriters} says.)
     */
    private static Set<Integer> storedSlots(List<List<ExecNode>> parts, int[] rootSlots) {
        Set<Integer> stored = new TreeSet<>();
        for (int r : rootSlots) {
            stored.add(r);
        }
        for (Set<Integer> in : crossing(parts)) {
            stored.addAll(in);
        }
        return stored;
    }

    /**
     * For each group of nodes (a batch's loops, a stream's parts, in plan order), the slots it reads that another
     * group computes: those a value array or a buffer must hand over. Columns and constants are in no group.
     */
    private static List<Set<Integer>> crossing(List<List<ExecNode>> groups) {
        Map<Integer, Integer> groupOfSlot = groupOfSlot(groups);
        List<Set<Integer>> crossing = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Set<Integer> in = new TreeSet<>();
            for (ExecNode n : groups.get(g)) {
                for (int s : readSlots(n)) {
                    Integer from = groupOfSlot.get(s);
                    if (from != null && from != g) {
                        in.add(s);
                    }
                }
            }
            crossing.add(in);
        }
        return crossing;
    }

    /** Which group computes each slot; columns and constants are in none. */
    private static Map<Integer, Integer> groupOfSlot(List<List<ExecNode>> groups) {
        Map<Integer, Integer> groupOfSlot = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            for (ExecNode n : groups.get(g)) {
                for (int s : producedSlots(n)) {
                    groupOfSlot.put(s, g);
                }
            }
        }
        return groupOfSlot;
    }

    /** The plan column each column node's slot holds. */
    private static Map<Integer, Integer> columnOfSlot(ExecNode[] nodes) {
        Map<Integer, Integer> columns = new HashMap<>();
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Column c) {
                columns.put(c.slot(), c.column());
            }
        }
        return columns;
    }

    /**
     * Which part writes each column's slot to {@code values}: the first that reads it, from the local it loaded, or
     * -1, {@link #bar} itself, for a column no part reads (a plan whose root is a column).
     */
    private static Map<Integer, Integer> columnWriters(ExecNode[] nodes, List<List<ExecNode>> parts) {
        Map<Integer, Integer> writer = new HashMap<>();
        for (int p = parts.size() - 1; p >= 0; p--) {
            for (ExecNode n : parts.get(p)) {
                for (int s : readSlots(n)) {
                    writer.put(s, p);
                }
            }
        }
        Map<Integer, Integer> columns = new HashMap<>();
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Column c) {
                columns.put(c.slot(), writer.getOrDefault(c.slot(), -1));
            }
        }
        return columns;
    }

    /**
     * {@code update/preview/replaceLast(bar, values)}, locals 1-2 the parameters: the parts in order, then the columns
     * no part reads.
     */
    private static void bar(CodeBuilder b, ClassDesc self, ExecNode[] nodes, int parts, String mode,
            Map<Integer, Integer> columnWriter) {
        for (int p = 0; p < parts; p++) {
            b.aload(0).aload(1).aload(2).invokespecial(self, mode + p, MTD_V_D1D1);
        }
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Column c && columnWriter.get(c.slot()) == -1) {
                b.aload(2).loadConstant(c.slot()).aload(1).loadConstant(c.column()).daload().dastore();
            }
        }
        b.return_();
    }

    /**
     * Part {@code p} of {@code update/preview/replaceLast(bar, values)}, locals 1-2 the parameters: its columns from
     * {@code bar}, the slots of earlier parts from {@code values}, then its nodes with every value in a local, then its
     * {@link #storedSlots} and the columns it {@link #columnWriters writes} into {@code values}.
     */
    private static void barPart(CodeBuilder b, ClassDesc self, ExecNode[] nodes, List<ExecNode> part, int p,
            KernelCode[] code, String mode, Set<Integer> stored, Map<Integer, Integer> columnWriter, Operators ops) {
        int[] value = locals(b, nodes);
        Map<Integer, Integer> columnOfSlot = columnOfSlot(nodes);
        Map<Integer, Double> constants = new HashMap<>();
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Constant k) {
                constants.put(k.slot(), k.value());
            }
        }
        // What the part reads and does not compute: constants, columns from bar, earlier parts' slots from values.
        Set<Integer> produced = new HashSet<>();
        Set<Integer> loaded = new HashSet<>();
        for (ExecNode n : part) {
            for (int s : readSlots(n)) {
                if (produced.contains(s) || !loaded.add(s)) {
                    continue;
                }
                Integer column = columnOfSlot.get(s);
                if (constants.containsKey(s)) {
                    b.ldc(b.constantPool().doubleEntry(constants.get(s))).dstore(value[s]);
                } else if (column != null) {
                    b.aload(1).loadConstant(column).daload().dstore(value[s]);
                } else {
                    b.aload(2).loadConstant(s).daload().dstore(value[s]);
                }
            }
            for (int s : producedSlots(n)) {
                produced.add(s);
            }
        }
        for (ExecNode n : part) {
            switch (n) {
                case ExecNode.Kernel k -> {
                    KernelCode c = code[k.node()];
                    b.aload(0).getfield(self, "s" + k.node(), c.stream());
                    for (int in : k.inputs()) {
                        b.dload(value[in]);
                    }
                    ClassDesc[] params = new ClassDesc[c.inputs()];
                    Arrays.fill(params, ConstantDescs.CD_double);
                    if (c.multi()) {
                        // A multi-output stream's update returns the stream itself (for chaining): drop it.
                        b.invokevirtual(c.stream(), mode, MethodTypeDesc.of(c.stream(), params)).pop();
                        for (int o = 0; o < c.outputs(); o++) {
                            b.aload(0).getfield(self, "s" + k.node(), c.stream()).loadConstant(o)
                                    .invokestatic(c.internals(), "outputAt",
                                            MethodTypeDesc.of(ConstantDescs.CD_double, c.stream(), ConstantDescs.CD_int))
                                    .dstore(value[k.slot() + o]);
                        }
                    } else {
                        b.invokevirtual(c.stream(), mode, MethodTypeDesc.of(ConstantDescs.CD_double, params)).dstore(value[k.slot()]);
                    }
                }
                case ExecNode.Operator o -> operator(b, o, value, ops);
                default -> throw new IllegalStateException("a stream part holds kernels and operators only: " + n);
            }
        }
        for (int s : new TreeSet<>(produced)) {
            if (stored.contains(s)) {
                b.aload(2).loadConstant(s).dload(value[s]).dastore();
            }
        }
        for (int s : new TreeSet<>(loaded)) {
            if (columnWriter.getOrDefault(s, -1) == p) {
                b.aload(2).loadConstant(s).dload(value[s]).dastore();
            }
        }
        b.return_();
    }

    /** {@code kernelOutputs(values)}: every kernel slot, from its stream's outputs of the most recent call. */
    private static void kernelOutputs(CodeBuilder b, ClassDesc self, ExecNode[] nodes, KernelCode[] code) {
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Kernel k) {
                KernelCode c = code[k.node()];
                for (int o = 0; o < c.outputs(); o++) {
                    b.aload(1).loadConstant(k.slot() + o);
                    b.aload(0).getfield(self, "s" + k.node(), c.stream()).loadConstant(o)
                            .invokestatic(c.internals(), "outputAt", MethodTypeDesc.of(ConstantDescs.CD_double, c.stream(), ConstantDescs.CD_int))
                            .dastore();
                }
            }
        }
        b.return_();
    }

    /** One double local per slot. */
    private static int[] locals(CodeBuilder b, ExecNode[] nodes) {
        int[] value = new int[slots(nodes)];
        for (int s = 0; s < value.length; s++) {
            value[s] = b.allocateLocal(TypeKind.DOUBLE);
        }
        return value;
    }

    /** One double local per slot; constants are stored into theirs here. */
    private static int[] valueLocals(CodeBuilder b, ExecNode[] nodes) {
        int[] value = locals(b, nodes);
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Constant k) {
                b.ldc(b.constantPool().doubleEntry(k.value())).dstore(value[k.slot()]);
            }
        }
        return value;
    }

    /**
     * {@code o}'s {@link Ops} call, from and to the slots' locals; a comparison, and logic on conditions, are written
     * out here instead.
     */
    private static void operator(CodeBuilder b, ExecNode.Operator o, int[] value, Operators ops) {
        Opcode test = switch (o.op()) {
            case GT -> Opcode.IFGT;
            case GE -> Opcode.IFGE;
            case LT -> Opcode.IFLT;
            case LE -> Opcode.IFLE;
            case EQ -> Opcode.IFEQ;
            case NE -> Opcode.IFNE;
            default -> null;
        };
        if (test != null) {
            comparison(b, o, value, test, ops);
            return;
        }
        // Logic on conditions (1, 0 or NaN: results of comparisons and logic) written out as Ops.andConditions,
        // orConditions and notCondition define it: a wide plan's method reaches C2's budget of inlined bytecode
        // (DesiredMethodLimit), and a call to Ops past it stays a call on every bar.
        boolean logic = switch (o.op()) {
            case AND, OR, NOT -> ops.condition()[o.a()] && (o.b() < 0 || ops.condition()[o.b()]);
            default -> false;
        };
        if (logic && o.op() == Op.NOT) {
            b.dconst_1();
        }
        b.dload(value[o.a()]);
        if (o.b() >= 0) {
            b.dload(value[o.b()]);
        }
        if (!logic) {
            b.invokestatic(CD_OPS, Ops.methodName(o.op()), o.b() < 0 ? MTD_D_D : MTD_D_DD);
        } else if (o.op() == Op.AND) {
            b.dmul();
        } else if (o.op() == Op.OR) {
            b.invokestatic(CD_MATH, "max", MTD_D_DD);
        } else {
            b.dsub();
        }
        b.dstore(value[o.slot()]);
    }

    /**
     * The comparison {@code Ops} makes ({@code Ops.gt} for {@link Opcode#IFGT}, …), bit for bit, in this plan's own
     * bytecode: the 1/0 as a choice between the bits of 1.0 and 0.0, then NaN for a missing operand. Its own bytecode
     * gives it its own branch profile, and HotSpot turns a choice between longs into a conditional move when the
     * profile says it is unpredictable (a price against its open flips every other bar) and keeps a branch when it is
     * not (a price against its 200-bar average): a shared {@code Ops} method would carry the mix of every plan's
     * comparisons.
     *
     * <p>{@code Ops} adds {@code (a − a) + (b − b)}, four additions. Here each operand adds its {@code x · 0.0} (a zero
     * for a finite {@code x}, NaN for a missing one; the sum is the 1 or 0 either way, a negative zero included) as
     * one fused multiply-add where the processor has it, and a finite constant adds nothing. A conjunction of eight
     * comparisons had spent about 4 ns/bar on those additions (docs/performance-log.md, "A conjunction's missing
     * operands").
     */
    private static void comparison(CodeBuilder b, ExecNode.Operator o, int[] value, Opcode test, Operators ops) {
        int into = value[o.slot()];
        b.dload(value[o.a()]).dload(value[o.b()]).dcmpl();
        b.ifThenElse(test, t -> t.loadConstant(ONE_BITS), e -> e.lconst_0());
        b.invokestatic(CD_DOUBLE, "longBitsToDouble", MTD_D_J);
        for (int operand : new int[] {o.a(), o.b()}) {
            if (ops.finite()[operand]) {
                continue;
            }
            if (ops.fma()) {
                b.dstore(into).dload(value[operand]).dconst_0().dload(into).invokestatic(CD_MATH, "fma", MTD_D_DDD);
            } else {
                b.dload(value[operand]).dconst_0().dmul().dadd();
            }
        }
        b.dstore(into);
    }

    /**
     * What a plan's operators are written from: which slots hold a condition (1, 0 or NaN: the result of a comparison
     * or of logic), which hold a finite constant, and whether a fused multiply-add is an instruction here.
     */
    private record Operators(boolean[] condition, boolean[] finite, boolean fma) {}

    private static Operators operators(ExecNode[] nodes) {
        boolean[] condition = new boolean[slots(nodes)];
        boolean[] finite = new boolean[condition.length];
        for (ExecNode n : nodes) {
            if (n instanceof ExecNode.Constant k) {
                finite[k.slot()] = Double.isFinite(k.value());
            }
            if (n instanceof ExecNode.Operator o) {
                condition[o.slot()] = switch (o.op()) {
                    case GT, GE, LT, LE, EQ, NE, AND, OR, NOT -> true;
                    default -> false;
                };
            }
        }
        return new Operators(condition, finite, ExactArithmetic.fmaInHardware());
    }
}
