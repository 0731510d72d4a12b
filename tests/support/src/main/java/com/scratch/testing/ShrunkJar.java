package com.scratch.testing;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.vafer.jdependency.Clazz;
import org.vafer.jdependency.Clazzpath;
import org.vafer.jdependency.ClazzpathUnit;

/**
 * A function's deployment jar as shade minimised it (services/pom.xml), read back for what minimisation cannot see.
 * Shade keeps the classes the function's own classes reach through their bytecode; what is reached otherwise has to be
 * kept by a filter, and this says what such a filter misses: a service provider a {@code META-INF/services} file
 * names, a class named in a string (for {@code Class.forName}), and a class a kept class depends on that a filter left
 * out.
 *
 * <p>"Missing" always means: the function's dependencies have it (the class path of the test that reads the jar, which
 * holds them unshrunk) and the jar does not. A class the dependencies never had (an optional library's, looked for and
 * done without) is not missing.
 *
 * <pre>{@code
 * ShrunkJar jar = ShrunkJar.read(Path.of("target", "notify-job.jar"));
 * assertThat(jar.missingServiceProviders()).isEmpty();
 * }</pre>
 */
public final class ShrunkJar {

    private static final Pattern BINARY_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+");

    /**
     * The AWS SDK's clients (interface and implementation, sync or async) and the endpoint rules' per-operation
     * parameters: classes that reach every operation of a service, of which a function calls a few.
     */
    public static final Predicate<String> SDK_CLIENTS = Pattern.compile(
            "software\\.amazon\\.awssdk\\.services\\.\\w+\\."
            + "((Default)?\\w+Client|endpoints\\.internal\\.\\w+EndpointResolverUtils)").asMatchPredicate();

    /**
     * The classes that reach every operation of an API: the {@link #SDK_CLIENTS}, every request class of an SDK
     * service (kept so that its client loads, never used), every parameter class of stripe-java (kept so that the
     * services and models that take one load).
     */
    public static final Predicate<String> OPERATION_HUBS = SDK_CLIENTS.or(Pattern.compile(
            "software\\.amazon\\.awssdk\\.services\\.\\w+\\.model\\.\\w+Request"
            + "|com\\.stripe\\.param\\.([a-z0-9]+\\.)*\\w+Params").asMatchPredicate());

    /** The function's dependencies, unshrunk: the class path of the test that reads its jar. */
    private static final ClassLoader DEPENDENCIES = ShrunkJar.class.getClassLoader();

    private final Path file;
    private final Set<String> classes;
    private final Map<String, List<String>> serviceFiles;

    private ShrunkJar(Path file, Set<String> classes, Map<String, List<String>> serviceFiles) {
        this.file = file;
        this.classes = classes;
        this.serviceFiles = serviceFiles;
    }

    /** Reads {@code jar}; its dependencies, unshrunk, are the ones on this class's class path. */
    public static ShrunkJar read(Path jar) {
        Set<String> classes = new TreeSet<>();
        Map<String, List<String>> serviceFiles = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                    classes.add(binaryName(name));
                } else if (name.startsWith("META-INF/services/") && !entry.isDirectory()) {
                    serviceFiles.put(name.substring("META-INF/services/".length()), providers(zip, entry));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
        return new ShrunkJar(jar, classes, serviceFiles);
    }

    /** Whether the jar holds the class (a binary name: {@code a.b.C$D}). */
    public boolean contains(String className) {
        return classes.contains(className);
    }

    /** The jar's classes whose binary name starts with {@code prefix} ({@code com.amazonaws.xray.}). */
    public List<String> classesStartingWith(String prefix) {
        return classes.stream().filter(name -> name.startsWith(prefix)).toList();
    }

    /**
     * The providers {@code META-INF/services} files name that the jar lacks, as {@code service: provider}. A file whose
     * service type is neither in the jar nor in the JDK is skipped: nothing in the function can ask for that service.
     */
    public List<String> missingServiceProviders() {
        List<String> missing = new ArrayList<>();
        serviceFiles.forEach((service, providers) -> {
            if (contains(service) || inJdk(service)) {
                providers.stream().filter(provider -> !contains(provider))
                        .forEach(provider -> missing.add(service + ": " + provider));
            }
        });
        return missing;
    }

    /** The classes whose names the jar's classes hold as string constants (to load them by name) and it lacks. */
    public List<String> missingClassesNamedInStrings() {
        Set<String> missing = new TreeSet<>();
        forEachClassFile(file, name -> true, (name, bytes) -> missing.addAll(missing(namedClasses(bytes))));
        return List.copyOf(missing);
    }

    /**
     * Of {@code classNames}, those the dependencies have and the jar lacks: for classes something outside the jar
     * loads from it by name (the Lambda runtime).
     */
    public List<String> missing(Collection<String> classNames) {
        return classNames.stream().filter(name -> !contains(name) && inDependencies(name)).sorted().distinct().toList();
    }

    /**
     * The classes the jar's classes depend on through their bytecode (as shade's minimisation reads it) that it lacks,
     * as {@code class -> dependency}, except those of the {@code hubs}: classes that reach every operation of an API (a
     * client, its request classes), kept whole for the few operations the function calls while the other operations'
     * classes are left out on purpose.
     */
    public List<String> missingDependencies(Predicate<String> hubs) {
        Clazzpath clazzpath = new Clazzpath();
        ClazzpathUnit unit;
        try {
            unit = clazzpath.addClazzpathUnit(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<String> missing = new ArrayList<>();
        for (Clazz clazz : new TreeSet<>(unit.getClazzes())) {
            if (hubs.test(clazz.getName())) {
                continue;
            }
            for (Clazz dependency : new TreeSet<>(clazz.getDependencies())) {
                String name = dependency.getName();
                if (!contains(name) && inDependencies(name)) {
                    missing.add(clazz.getName() + " -> " + name);
                }
            }
        }
        return missing;
    }

    /**
     * Of the jar's classes {@code which} selects, those that do not load and verify from the jar alone (in a class
     * loader of their own, whose parent is the JDK's), each with the error; their static initialisers are not run.
     */
    public List<String> unlinkable(Predicate<String> which) {
        List<String> failures = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {file.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String name : classes) {
                if (which.test(name)) {
                    try {
                        // Reflecting on constructors links the class: loads what verifying its methods needs.
                        Class.forName(name, false, loader).getDeclaredConstructors();
                    } catch (LinkageError | ClassNotFoundException e) {
                        failures.add(name + ": " + e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return failures;
    }

    private boolean inDependencies(String className) {
        URL resource = DEPENDENCIES.getResource(className.replace('.', '/') + ".class");
        return resource != null && !"jrt".equals(resource.getProtocol());
    }

    private static boolean inJdk(String className) {
        URL resource = ClassLoader.getSystemResource(className.replace('.', '/') + ".class");
        return resource != null && "jrt".equals(resource.getProtocol());
    }

    private interface ClassFileVisitor {
        void visit(String entryName, byte[] bytes) throws IOException;
    }

    private static void forEachClassFile(Path jar, Predicate<String> entries, ClassFileVisitor visitor) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && entries.test(name)) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        visitor.visit(name, in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + jar, e);
        }
    }

    private static List<String> providers(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
        }
    }

    private static String binaryName(String entryName) {
        return entryName.substring(0, entryName.length() - ".class".length()).replace('/', '.');
    }

    /** The string constants of a class file that read as class names ({@code a.b.C} or {@code a/b/C}). */
    static Set<String> namedClasses(byte[] classFile) throws IOException {
        Set<String> named = new TreeSet<>();
        for (String constant : stringConstants(classFile)) {
            String name = constant.replace('/', '.');
            if (BINARY_NAME.matcher(name).matches()) {
                named.add(name);
            }
        }
        return named;
    }

    /** The CONSTANT_String entries of a class file's constant pool (JVMS 4.4). */
    private static List<String> stringConstants(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.skipBytes(8); // magic, minor and major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> strings = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[index] = in.readUTF();
                case 8 -> strings.add(in.readUnsignedShort());
                case 7, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    index++; // a long or a double takes two entries
                }
                default -> throw new IOException("Unknown constant pool tag " + tag);
            }
        }
        return strings.stream().map(index -> utf8[index]).toList();
    }
}
