package io.vggsuite.data;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the datasets are found, in this order:
 *
 * <ol>
 *   <li>the folder named by the system property {@value #DATA_DIR_PROPERTY};
 *   <li>the folder named by the environment variable {@value #DATA_DIR_VARIABLE};
 *   <li>the default cache folder {@code ~/.cache/vgg-suite/datasets}, where downloads go;
 *   <li>for Fashion-MNIST only, {@value #DEBIAN_FASHION_MNIST} (Debian's {@code dataset-fashion-mnist}).
 * </ol>
 *
 * Inside a folder, CIFAR-10 is {@code cifar10/cifar10-jpg.tar.gz} (the JPEG ImageFolder archive),
 * {@code cifar10/cifar-10-binary.tar.gz} (the official binary tarball) or {@code
 * cifar10/cifar-10-batches-bin/} (that tarball extracted); Fashion-MNIST is {@code fashion-mnist/}
 * holding the four official {@code *-ubyte.gz} files. A relative folder is tried against the
 * working directory and then each of its parents, so that {@code ../shared/datasets} given at the
 * project root also works from a module's folder, where Maven runs the tests. A file whose checksum
 * is known is verified when found.
 *
 * <p>When CIFAR-10 is found nowhere it is downloaded from {@value #CIFAR10_URL} (or the URL in the
 * system property {@value #CIFAR10_URL_PROPERTY}) into the default cache folder and its MD5 checked
 * (or the MD5 in {@value #CIFAR10_MD5_PROPERTY}, for a mirror serving another file) — but only
 * where downloads are allowed: not in DJL's offline mode ({@code ai.djl.offline=true} or {@code
 * DJL_OFFLINE=true}, which the build sets for tests), except from the loopback interface, which
 * never leaves the machine.
 */
public final class DataLocator {

    public static final String DATA_DIR_PROPERTY = "vgg.data.dir";
    public static final String DATA_DIR_VARIABLE = "VGG_DATA_DIR";
    public static final String CIFAR10_URL_PROPERTY = "vgg.cifar10.url";
    public static final String CIFAR10_MD5_PROPERTY = "vgg.cifar10.md5";
    public static final String CIFAR10_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz";
    /** The official tarball's MD5, as published on the dataset's site (and checked by torchvision). */
    public static final String CIFAR10_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    public static final String DEBIAN_FASHION_MNIST = "/usr/share/datasets/fashion-mnist";

    static final String CIFAR10_FOLDER = "cifar10";
    static final String CIFAR10_JPEG_ARCHIVE = "cifar10-jpg.tar.gz";
    static final String CIFAR10_BINARY_ARCHIVE = "cifar-10-binary.tar.gz";
    static final String CIFAR10_BINARY_FOLDER = "cifar-10-batches-bin";
    /** SHA-256 of the JPEG archive, from the SHA256SUMS published beside it. */
    static final Checksum CIFAR10_JPEG_SHA256 =
            Checksum.sha256("45b041e867f5a40f79bfde38d3dd1fd511103d50068c1afecf6445e25234d4db");
    static final String FASHION_MNIST_FOLDER = "fashion-mnist";
    static final List<String> FASHION_MNIST_FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    /** How a located CIFAR-10 copy is stored. */
    enum Cifar10Format {
        JPEG_FOLDER,
        BINARY
    }

    /**
     * A CIFAR-10 copy found (or fetched).
     *
     * @param checksum the verified checksum of the archive; empty for an extracted folder
     */
    record Cifar10Source(Path path, Cifar10Format format, Optional<Checksum> checksum) {}

    private final List<Path> folders;
    private final Path cacheFolder;
    private final URI cifar10Url;
    private final Checksum cifar10Md5;
    private final boolean offline;
    private final Path fashionMnistSystemFolder;

    private DataLocator(List<Path> folders, Path cacheFolder, URI cifar10Url, Checksum cifar10Md5, boolean offline,
            Path fashionMnistSystemFolder) {
        this.folders = List.copyOf(folders);
        this.cacheFolder = cacheFolder;
        this.cifar10Url = cifar10Url;
        this.cifar10Md5 = cifar10Md5;
        this.offline = offline;
        this.fashionMnistSystemFolder = fashionMnistSystemFolder;
    }

    /** The lookup order of this JVM: its system properties, environment and home folder. */
    public static DataLocator fromEnvironment() {
        return of(name -> Optional.ofNullable(System.getProperty(name)), name -> Optional.ofNullable(System.getenv(name)),
                Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath());
    }

    /**
     * The lookup order for the given system properties, environment variables, home folder and
     * working directory (tests pass their own instead of changing the JVM's).
     */
    public static DataLocator of(Function<String, Optional<String>> properties,
            Function<String, Optional<String>> environment, Path home, Path workingDirectory) {
        Set<Path> folders = new LinkedHashSet<>();
        nonBlank(properties.apply(DATA_DIR_PROPERTY)).ifPresent(dir -> folders.addAll(candidates(dir, workingDirectory)));
        nonBlank(environment.apply(DATA_DIR_VARIABLE)).ifPresent(dir -> folders.addAll(candidates(dir, workingDirectory)));
        Path cache = home.resolve(".cache").resolve("vgg-suite").resolve("datasets");
        folders.add(cache);
        URI url = URI.create(nonBlank(properties.apply(CIFAR10_URL_PROPERTY)).orElse(CIFAR10_URL));
        Checksum md5 = Checksum.md5(nonBlank(properties.apply(CIFAR10_MD5_PROPERTY)).orElse(CIFAR10_MD5));
        boolean offline = isTrue(properties.apply("ai.djl.offline")) || isTrue(environment.apply("DJL_OFFLINE"));
        return new DataLocator(new ArrayList<>(folders), cache, url, md5, offline, Path.of(DEBIAN_FASHION_MNIST));
    }

    /** This lookup with another system folder for Fashion-MNIST (tests use an empty one). */
    DataLocator withFashionMnistSystemFolder(Path folder) {
        return new DataLocator(folders, cacheFolder, cifar10Url, cifar10Md5, offline, folder);
    }

    /** The folders searched, in order. */
    public List<Path> folders() {
        return folders;
    }

    /** Where downloads go. */
    public Path cacheFolder() {
        return cacheFolder;
    }

    /** Finds CIFAR-10, verifying a known checksum, or downloads it where allowed. */
    Cifar10Source cifar10() {
        List<Path> tried = new ArrayList<>();
        for (Path folder : folders) {
            Path base = folder.resolve(CIFAR10_FOLDER);
            Path jpeg = base.resolve(CIFAR10_JPEG_ARCHIVE);
            Path binary = base.resolve(CIFAR10_BINARY_ARCHIVE);
            Path extracted = base.resolve(CIFAR10_BINARY_FOLDER);
            if (Files.isRegularFile(jpeg)) {
                CIFAR10_JPEG_SHA256.verify(jpeg);
                return new Cifar10Source(jpeg, Cifar10Format.JPEG_FOLDER, Optional.of(CIFAR10_JPEG_SHA256));
            }
            if (Files.isRegularFile(binary)) {
                cifar10Md5.verify(binary);
                return new Cifar10Source(binary, Cifar10Format.BINARY, Optional.of(cifar10Md5));
            }
            if (Files.isDirectory(extracted)) {
                return new Cifar10Source(extracted, Cifar10Format.BINARY, Optional.empty());
            }
            tried.addAll(List.of(jpeg, binary, extracted));
        }
        Path target = cacheFolder.resolve(CIFAR10_FOLDER).resolve(CIFAR10_BINARY_ARCHIVE);
        if (!downloadsAllowed(cifar10Url)) {
            throw new DataException("CIFAR-10 not found. Looked for " + tried + ". To get it: point the system property "
                    + DATA_DIR_PROPERTY + " or the environment variable " + DATA_DIR_VARIABLE + " at a folder holding "
                    + CIFAR10_FOLDER + "/" + CIFAR10_JPEG_ARCHIVE + " or " + CIFAR10_FOLDER + "/" + CIFAR10_BINARY_ARCHIVE
                    + ", or download " + cifar10Url + " (MD5 " + cifar10Md5.hex() + ") to " + target
                    + ". Not downloaded automatically because DJL offline mode is on (ai.djl.offline / DJL_OFFLINE)");
        }
        Downloader.fetch(cifar10Url, cifar10Md5, target);
        return new Cifar10Source(target, Cifar10Format.BINARY, Optional.of(cifar10Md5));
    }

    /** The folder holding the four Fashion-MNIST files. */
    Path fashionMnist() {
        List<Path> folders = new ArrayList<>();
        for (Path folder : this.folders) {
            folders.add(folder.resolve(FASHION_MNIST_FOLDER));
        }
        folders.add(fashionMnistSystemFolder);
        for (Path folder : folders) {
            if (FASHION_MNIST_FILES.stream().allMatch(name -> Files.isRegularFile(folder.resolve(name)))) {
                return folder;
            }
        }
        throw new DataException("Fashion-MNIST not found: none of " + folders + " holds all of " + FASHION_MNIST_FILES
                + ". To get it: apt-get install dataset-fashion-mnist (Debian/Ubuntu; installs to " + DEBIAN_FASHION_MNIST
                + "), or put the four files from https://github.com/zalandoresearch/fashion-mnist into "
                + FASHION_MNIST_FOLDER + "/ of the folder named by " + DATA_DIR_PROPERTY + " or " + DATA_DIR_VARIABLE);
    }

    boolean downloadsAllowed(URI url) {
        return !offline || isLoopback(url);
    }

    /**
     * Whether the URL's host is this machine's loopback interface. Only "localhost" and IP literals
     * count, so that deciding never sends a DNS query.
     */
    private static boolean isLoopback(URI url) {
        String host = url.getHost();
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A relative folder against the working directory and then each of its parents. */
    private static List<Path> candidates(String folder, Path workingDirectory) {
        Path path = Path.of(folder);
        if (path.isAbsolute()) {
            return List.of(path.normalize());
        }
        List<Path> candidates = new ArrayList<>();
        for (Path base = workingDirectory.toAbsolutePath(); base != null; base = base.getParent()) {
            Path candidate = base.resolve(path).normalize();
            if (Files.isDirectory(candidate)) {
                return List.of(candidate);
            }
            candidates.add(candidate);
        }
        // None exists: keep the nearest, so that the error lists where it was expected.
        return candidates.subList(0, 1);
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(text -> !text.isEmpty());
    }

    private static boolean isTrue(Optional<String> value) {
        return value.map(text -> text.strip().equalsIgnoreCase("true")).orElse(false);
    }
}
