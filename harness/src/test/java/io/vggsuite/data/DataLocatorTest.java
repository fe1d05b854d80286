package io.vggsuite.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented lookup order, checksum verification, the not-found message, and the CIFAR-10
 * download, which the tests serve from a loopback HTTP server (the only downloads tests may make).
 */
class DataLocatorTest {

    @TempDir
    Path temp;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A locator that sees nothing of this machine: offline, home and working directory in {@code temp}. */
    static DataLocator isolated(Path temp) {
        return locator(Map.of("ai.djl.offline", "true"), Map.of(), temp);
    }

    private static DataLocator locator(Map<String, String> properties, Map<String, String> environment, Path temp) {
        Function<String, Optional<String>> props = name -> Optional.ofNullable(properties.get(name));
        Function<String, Optional<String>> env = name -> Optional.ofNullable(environment.get(name));
        return DataLocator.of(props, env, temp.resolve("home"), temp.resolve("work"))
                .withFashionMnistSystemFolder(temp.resolve("no-system-folder"));
    }

    private static Path extractedCifar(Path folder) throws IOException {
        Path extracted = folder.resolve("cifar10").resolve("cifar-10-batches-bin");
        Files.createDirectories(extracted);
        return extracted;
    }

    @Test
    void looksInThePropertyThenTheEnvironmentThenTheHomeCache() throws IOException {
        Path fromProperty = temp.resolve("p");
        Path fromEnvironment = temp.resolve("e");
        Path home = temp.resolve("home").resolve(".cache").resolve("vgg-suite").resolve("datasets");
        DataLocator locator = locator(Map.of("vgg.data.dir", fromProperty.toString(), "ai.djl.offline", "true"),
                Map.of("VGG_DATA_DIR", fromEnvironment.toString()), temp);
        assertEquals(List.of(fromProperty, fromEnvironment, home), locator.folders());
        Path inHome = extractedCifar(home);
        assertEquals(inHome, locator.cifar10().path());
        Path inEnvironment = extractedCifar(fromEnvironment);
        assertEquals(inEnvironment, locator.cifar10().path());
        Path inProperty = extractedCifar(fromProperty);
        assertEquals(inProperty, locator.cifar10().path());
    }

    @Test
    void aRelativeFolderIsFoundFromTheWorkingDirectoryOrAParent() throws IOException {
        Files.createDirectories(temp.resolve("shared").resolve("datasets"));
        Files.createDirectories(temp.resolve("work").resolve("harness"));
        DataLocator locator = DataLocator.of(name -> Optional.ofNullable(Map.of("vgg.data.dir", "shared/datasets").get(name)),
                name -> Optional.empty(), temp.resolve("home"), temp.resolve("work").resolve("harness"));
        assertEquals(temp.resolve("shared").resolve("datasets"), locator.folders().get(0));
    }

    @Test
    void anEmptyPropertyCountsAsUnset() {
        DataLocator locator = locator(Map.of("vgg.data.dir", " "), Map.of(), temp);
        assertEquals(1, locator.folders().size());
    }

    @Test
    void whenNothingIsFoundTheErrorListsEveryPlaceAndHowToGetTheData() {
        Path fromProperty = temp.resolve("p");
        DataLocator locator = locator(Map.of("vgg.data.dir", fromProperty.toString(), "ai.djl.offline", "true"), Map.of(), temp);
        DataException error = assertThrows(DataException.class, locator::cifar10);
        String message = error.getMessage();
        for (Path folder : locator.folders()) {
            for (String candidate : List.of("cifar10/cifar10-jpg.tar.gz", "cifar10/cifar-10-binary.tar.gz",
                    "cifar10/cifar-10-batches-bin")) {
                assertTrue(message.contains(folder.resolve(candidate).toString()), candidate + " in " + message);
            }
        }
        assertTrue(message.contains("vgg.data.dir") && message.contains("VGG_DATA_DIR")
                && message.contains(DataLocator.CIFAR10_URL) && message.contains("offline"), message);

        DataException fashion = assertThrows(DataException.class, locator::fashionMnist);
        assertTrue(fashion.getMessage().contains("apt-get install dataset-fashion-mnist")
                && fashion.getMessage().contains(fromProperty.resolve("fashion-mnist").toString()), fashion.getMessage());
    }

    @Test
    void aFoundArchiveWithTheWrongChecksumIsRefused() throws IOException {
        Path folder = temp.resolve("p");
        Path binary = folder.resolve("cifar10").resolve("cifar-10-binary.tar.gz");
        Files.createDirectories(binary.getParent());
        Files.write(binary, new byte[] {1, 2, 3});
        DataLocator locator = locator(Map.of("vgg.data.dir", folder.toString()), Map.of(), temp);
        DataException error = assertThrows(DataException.class, locator::cifar10);
        assertTrue(error.getMessage().contains("checksum mismatch") && error.getMessage().contains(binary.toString())
                && error.getMessage().contains(DataLocator.CIFAR10_MD5), error.getMessage());

        Path jpeg = folder.resolve("cifar10").resolve("cifar10-jpg.tar.gz");
        Files.write(jpeg, new byte[] {4, 5, 6});
        DataException jpegError = assertThrows(DataException.class, locator::cifar10);
        assertTrue(jpegError.getMessage().contains(jpeg.toString())
                && jpegError.getMessage().contains(DataLocator.CIFAR10_JPEG_SHA256.hex()), jpegError.getMessage());
    }

    @Test
    void offlineRefusesToDownloadFromAnythingButLoopback() {
        DataLocator locator = locator(Map.of("ai.djl.offline", "true", "vgg.cifar10.url", "https://example.org/c.tgz"),
                Map.of(), temp);
        assertTrue(!locator.downloadsAllowed(java.net.URI.create("https://example.org/c.tgz")));
        assertTrue(locator.downloadsAllowed(java.net.URI.create("http://127.0.0.1:8/c.tgz")));
        assertTrue(locator.downloadsAllowed(java.net.URI.create("http://localhost:8/c.tgz")));
        assertTrue(locator(Map.of(), Map.of(), temp).downloadsAllowed(java.net.URI.create("https://example.org/c.tgz")));
        DataException error = assertThrows(DataException.class, locator::cifar10);
        assertTrue(error.getMessage().contains("https://example.org/c.tgz"), error.getMessage());
    }

    /** Serves {@code body} at /cifar.tgz, or only the first {@code cutAfter} bytes of it. */
    private String serve(byte[] body, int cutAfter, AtomicInteger requests) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cifar.tgz", (HttpExchange exchange) -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body, 0, Math.min(cutAfter, body.length));
                out.flush();
                if (cutAfter < body.length) {
                    // Drop the connection mid-way, as a failing network would.
                    exchange.getHttpContext().getServer().stop(0);
                }
            } catch (IOException expected) {
                // Closing a fixed-length body early fails on the server side too.
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cifar.tgz";
    }

    private byte[] smallTarball() throws IOException {
        return Files.readAllBytes(TestData.writeArchive(temp.resolve("served.tar.gz"), TestData.cifarBinaryEntries()));
    }

    private DataLocator downloading(String url, String md5) {
        return locator(Map.of("ai.djl.offline", "true", "vgg.cifar10.url", url, "vgg.cifar10.md5", md5), Map.of(), temp);
    }

    @Test
    void downloadsCifarIntoTheCacheOnFirstUseOnly() throws IOException {
        byte[] tarball = smallTarball();
        AtomicInteger requests = new AtomicInteger();
        String url = serve(tarball, Integer.MAX_VALUE, requests);
        String md5 = Checksum.compute(temp.resolve("served.tar.gz"), "MD5");
        DatasetLoader loader = new DatasetLoader(downloading(url, md5), new StoreCache(temp.resolve("stores")));
        DatasetSplits splits = loader.cifar10(ValidationSplit.images(0, 1));
        assertEquals(10, splits.train().size());
        assertEquals(3, splits.test().size());
        assertEquals("md5:" + md5, splits.checksum());
        Path cached = temp.resolve("home/.cache/vgg-suite/datasets/cifar10/cifar-10-binary.tar.gz");
        assertEquals(List.of(cached), TestData.filesUnder(temp.resolve("home")));
        loader.cifar10(ValidationSplit.images(2, 1));
        assertEquals(1, requests.get(), "the second load uses the cached tarball");
    }

    @Test
    void aDownloadWithTheWrongChecksumLeavesNothing() throws IOException {
        String url = serve(smallTarball(), Integer.MAX_VALUE, new AtomicInteger());
        DataLocator locator = downloading(url, "0".repeat(32));
        DataException error = assertThrows(DataException.class, locator::cifar10);
        assertTrue(error.getMessage().contains("checksum mismatch") && error.getMessage().contains(url)
                && error.getMessage().contains("0".repeat(32)), error.getMessage());
        assertEquals(List.of(), TestData.filesUnder(temp.resolve("home")));
    }

    @Test
    void aConnectionCutMidwayLeavesNothing() throws IOException {
        byte[] tarball = smallTarball();
        String url = serve(tarball, tarball.length / 2, new AtomicInteger());
        DataLocator locator = downloading(url, Checksum.compute(temp.resolve("served.tar.gz"), "MD5"));
        DataException error = assertThrows(DataException.class, locator::cifar10);
        assertTrue(error.getMessage().contains(url), error.getMessage());
        assertEquals(List.of(), TestData.filesUnder(temp.resolve("home")));
    }

    @Test
    void aMissingFileOnTheServerIsReportedWithItsStatus() throws IOException {
        String url = serve(new byte[0], 0, new AtomicInteger()).replace("cifar.tgz", "missing.tgz");
        DataException error = assertThrows(DataException.class, downloading(url, "0".repeat(32))::cifar10);
        assertTrue(error.getMessage().contains("404") && error.getMessage().contains(url), error.getMessage());
        assertEquals(List.of(), TestData.filesUnder(temp.resolve("home")));
    }
}
