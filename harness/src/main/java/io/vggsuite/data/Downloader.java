package io.vggsuite.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Fetches one file over HTTP(S) into place: streamed to a temporary file beside the target while
 * its digest is computed, checked for completeness and checksum, then renamed. On any failure the
 * temporary file is removed, so the target is either the whole verified file or absent.
 */
final class Downloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private Downloader() {}

    static void fetch(URI url, Checksum expected, Path target) {
        Path temporary = null;
        long received = 0;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            MessageDigest digest = Checksum.MessageDigests.of(expected.algorithm());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DataException("download of " + url + " failed: HTTP status " + response.statusCode());
                }
                Progress progress = Progress.start("downloading " + url, length.orElse(-1));
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), digest)) {
                    byte[] buffer = new byte[1 << 16];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        out.write(buffer, 0, read);
                        received += read;
                        progress.update(received);
                    }
                }
                progress.finish();
            }
            if (length.isPresent() && received != length.getAsLong()) {
                throw new DataException("download of " + url + " stopped after " + received + " of "
                        + length.getAsLong() + " bytes");
            }
            Checksum actual = new Checksum(expected.algorithm(), HexFormat.of().formatHex(digest.digest()));
            if (!actual.equals(expected)) {
                throw new DataException("checksum mismatch for the download of " + url + ": expected " + expected
                        + " but received " + actual + " (" + received + " bytes); nothing was kept");
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataException("download of " + url + " to " + target + " failed after " + received + " bytes: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("download of " + url + " was interrupted after " + received + " bytes", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    System.err.println("warning: cannot delete " + temporary + ": " + e.getMessage());
                }
            }
        }
    }
}
