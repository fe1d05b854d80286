package io.vggsuite.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds absolute paths in the text files of a published folder (issue 36: a published artefact
 * names folders relative to the repository, never the folder of the machine that wrote it).
 * What counts as one: a Unix path of two or more segments ({@code /work/main/...},
 * {@code /tmp/junit…/}), a Windows drive path ({@code C:\...}), a {@code file:} URI, a path from
 * the home folder ({@code ~/...}), and any of the machine's own folders given to it literally (the
 * checkout, the fixture folder) wherever it stands. Not one: a fraction or ratio ({@code 1/4},
 * {@code A/B}), a URL ({@code https://...}), a closing tag ({@code </td>}) or a relative path
 * ({@code plots/x.png}).
 */
final class AbsolutePaths {

    /** The published files that are text: what a reader, a diff or a search engine reads. */
    static final Set<String> TEXT = Set.of("md", "html", "tex", "csv", "properties", "svg");

    /**
     * A slash that begins a path (not after a word, a dot, a colon, a slash, a tag's {@code <},
     * a {@code ~} or a dash), then a segment and a second slash.
     */
    private static final Pattern UNIX = Pattern.compile("(?<![\\w.:/<~\\\\-])/[\\w.-]+/[^\\s\"'<>|)]*");
    /** A drive letter on its own, a colon, a backslash, a segment. */
    private static final Pattern WINDOWS = Pattern.compile("(?<![A-Za-z])[A-Za-z]:\\\\[\\w.-][^\\s\"'<>|)]*");
    private static final Pattern FILE_URI = Pattern.compile("file:/[^\\s\"'<>|)]*");
    private static final Pattern HOME = Pattern.compile("(?<![\\w./])~/[^\\s\"'<>|)]*");
    /** Embedded images: their base64 holds slashes that are no paths. */
    private static final Pattern DATA_URI = Pattern.compile("data:[\\w/+.-]+;base64,[A-Za-z0-9+/=]+");

    private AbsolutePaths() {}

    /** The absolute paths in {@code text}, those of the patterns above and those of {@code machineFolders}. */
    static List<String> in(String text, List<Path> machineFolders) {
        String scanned = DATA_URI.matcher(text).replaceAll("data:…");
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(UNIX, WINDOWS, FILE_URI, HOME)) {
            Matcher m = pattern.matcher(scanned);
            while (m.find()) {
                // A sentence's punctuation after a path is not part of it.
                found.add(m.group().replaceAll("[.,;:]+$", ""));
            }
        }
        for (Path folder : machineFolders) {
            String literal = folder.toAbsolutePath().normalize().toString();
            if (scanned.contains(literal) && found.stream().noneMatch(f -> f.contains(literal))) {
                found.add(literal);
            }
        }
        return found;
    }

    /** {@code file:line: path} for each absolute path in the text files under {@code folder}. */
    static List<String> under(Path folder, List<Path> machineFolders) {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(AbsolutePaths::isText)
                    .sorted(Comparator.naturalOrder()).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (file.getFileName().toString().endsWith(".properties")) {
                    // java.util.Properties writes C:\Users as C\:\\Users: read it as meant.
                    lines = lines.stream().map(AbsolutePaths::unescapeProperties).toList();
                }
                for (int i = 0; i < lines.size(); i++) {
                    for (String path : in(lines.get(i), machineFolders)) {
                        offenders.add(folder.relativize(file) + ":" + (i + 1) + ": " + path);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        return offenders;
    }

    private static String unescapeProperties(String line) {
        return line.replace("\\\\", "\u0000").replace("\\:", ":").replace("\\=", "=").replace("\u0000", "\\");
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        return TEXT.contains(name.substring(name.lastIndexOf('.') + 1));
    }
}
