package io.vggsuite.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages under {@code docs/} link to each other and to files of the repository,
 * and their bash blocks name scripts and jars by path. A file moved or a heading renamed breaks
 * them without a sound; these tests fail instead, naming the file, the line and the link. Links
 * resolve as GitHub resolves them (relative to the page that holds them; an anchor by GitHub's
 * heading slug or an explicit {@code <a id>}), so what passes here works where the pages are read.
 */
class ReadmeLinksTest {

    private static final Path PROJECT = Path.of(System.getProperty("ablation.root", "..")).toAbsolutePath().normalize();
    private static final int README_MAX_LINES = 200;

    /** An inline link or image; its text may hold one level of brackets and wrap onto the next line. */
    private static final Pattern INLINE_LINK = Pattern.compile(
            "!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*<?([^()\\s<>]*)>?(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    /** A link reference definition, {@code [name]: target}; not a footnote's {@code [^1]: text}. */
    private static final Pattern REFERENCE_DEFINITION =
            Pattern.compile("(?m)^ {0,3}\\[(?!\\^)[^\\]]+\\]:[ \\t]*<?([^\\s>]+)>?");
    /** A scheme ({@code https:}, {@code mailto:}) or a protocol-relative {@code //host}: not the repository's. */
    private static final Pattern EXTERNAL = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//).*");
    private static final Pattern ATX_HEADING = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern EXPLICIT_ID =
            Pattern.compile("<[a-zA-Z][^>]*?\\s(?:id|name)\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})[ \\t]*([^`\\s]*).*$");
    /** A code span; it may wrap lines but, like Markdown's, never crosses a blank line. */
    private static final Pattern CODE_SPAN = Pattern.compile("`(?:[^`\\n]|\\n(?![ \\t]*\\n))*`");
    private static final Set<String> SHELL_FENCES = Set.of("bash", "sh", "shell");
    /** Where a path stops being literal: a variable, a placeholder, a glob. */
    private static final Pattern NOT_LITERAL = Pattern.compile("[$<>*?\\[{…]");

    @Test
    void theReadmeHasAtMost200Lines() throws IOException {
        int lines = Files.readAllLines(PROJECT.resolve("README.md"), StandardCharsets.UTF_8).size();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines, more than " + README_MAX_LINES
                + ": it is the page a newcomer reads in five minutes; move reference material into docs/");
    }

    @Test
    void everyRelativeLinkInTheReadmeAndDocsNamesAFileOrFolderThatExists() {
        List<String> failures = new ArrayList<>();
        for (Page page : pages()) {
            for (Link link : page.links()) {
                if (link.path().isEmpty()) {
                    continue; // an anchor in the same page: the anchor test's
                }
                Path target = link.resolved();
                if (!target.startsWith(PROJECT)) {
                    failures.add(link.where() + ": it points outside the repository (" + target + ")");
                } else if (!Files.exists(target)) {
                    failures.add(link.where() + ": " + relative(target) + " does not exist");
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " broken link(s):\n" + String.join("\n", failures));
    }

    @Test
    void everyAnchorLinkNamesAHeadingOrAnExplicitIdOfTheMarkdownFileItPointsAt() {
        List<String> failures = new ArrayList<>();
        Map<Path, Set<String>> anchorsByFile = new HashMap<>();
        for (Page page : pages()) {
            for (Link link : page.links()) {
                Path target = link.path().isEmpty() ? page.path() : link.resolved();
                boolean markdown = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
                if (link.anchor().isEmpty() || !markdown || !Files.isRegularFile(target)) {
                    continue; // no anchor, not Markdown, or missing: the existence test reports the last
                }
                Set<String> anchors = anchorsByFile.computeIfAbsent(target, file -> Page.read(file).anchors());
                if (!anchors.contains(link.anchor())) {
                    failures.add(link.where() + ": no heading of " + relative(target) + " makes #" + link.anchor()
                            + " and no <a id> names it; its anchors: " + anchors);
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " broken anchor(s):\n" + String.join("\n", failures));
    }

    @Test
    void everyRepositoryPathInABashBlockOfTheReadmeAndDocsExistsOrIsABuildOutputOfAModuleThatExists()
            throws IOException {
        Pattern repositoryPath = repositoryPath();
        List<String> failures = new ArrayList<>();
        for (Page page : pages()) {
            for (Fenced block : page.fences()) {
                if (!SHELL_FENCES.contains(block.info().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                for (int i = 0; i < block.lines().size(); i++) {
                    int line = block.firstLine() + i;
                    for (String path : repositoryPaths(block.lines().get(i), repositoryPath)) {
                        String problem = pathProblem(path);
                        if (problem != null) {
                            failures.add(relative(page.path()) + ":" + line + ": `" + path + "` " + problem);
                        }
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " path(s) in bash blocks that name nothing:\n"
                + String.join("\n", failures));
    }

    @Test
    void anchorsAreGitHubsHeadingSlugsWithRepeatsNumberedPlusExplicitIds() {
        // The anchor test is only as right as this rule; these are GitHub's own slugs for this project's headings.
        assertEquals("the-reference-budget", slug("The reference budget"));
        assertEquals("the-rule-simulated", slug("The rule, simulated"));
        assertEquals("adding-a-claim-or-an-ablation-a-worked-example",
                slug("Adding a claim or an ablation: a worked example"));
        assertEquals("cifar10-reference", slug("`cifar10-reference/`"));
        assertEquals("seed_std-and-more", slug("**seed_std** and [more](x.md)"));
        Page page = Page.parse(PROJECT.resolve("x.md"),
                "# Notes\n\n## Notes\n\n```bash\n# not a heading\n```\n<a id=\"here\"></a>\n");
        assertEquals(Set.of("notes", "notes-1", "here"), page.anchors());
    }

    // ---- the pages and what they hold ----

    /** README.md and every Markdown file under docs/, in a stable order. */
    private static List<Page> pages() {
        List<Path> files = new ArrayList<>();
        files.add(PROJECT.resolve("README.md"));
        Path docs = PROJECT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".md")).sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files.stream().map(Page::read).toList();
    }

    /**
     * A Markdown file: its prose (fenced blocks blanked, so that line numbers stay those of the file)
     * and its fenced blocks.
     */
    private record Page(Path path, String prose, List<Fenced> fences) {

        static Page read(Path path) {
            try {
                return parse(path, Files.readString(path, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Page parse(Path path, String text) {
            List<String> prose = new ArrayList<>();
            List<Fenced> fences = new ArrayList<>();
            String[] lines = text.split("\n", -1);
            String fence = null;
            String info = null;
            int first = 0;
            List<String> body = null;
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                Matcher m = FENCE.matcher(line);
                if (fence == null && m.matches()) {
                    fence = m.group(1);
                    info = m.group(2);
                    first = i + 2;
                    body = new ArrayList<>();
                    prose.add("");
                } else if (fence != null && closes(fence, line)) {
                    fences.add(new Fenced(info, first, List.copyOf(body)));
                    fence = null;
                    prose.add("");
                } else if (fence != null) {
                    body.add(line);
                    prose.add("");
                } else {
                    prose.add(line);
                }
            }
            return new Page(path, String.join("\n", prose), List.copyOf(fences));
        }

        /** A closing fence: the opening's character only, at least as many of it, nothing else. */
        private static boolean closes(String fence, String line) {
            String stripped = line.strip();
            return stripped.length() >= fence.length() && stripped.chars().allMatch(c -> c == fence.charAt(0));
        }

        /** Inline links and reference definitions outside code, with the line each target is on. */
        List<Link> links() {
            String text = blankCodeSpans(prose);
            List<Link> links = new ArrayList<>();
            for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.isEmpty() && !EXTERNAL.matcher(target).matches()) {
                        links.add(new Link(this, lineOf(text, m.start(1)), target));
                    }
                }
            }
            return links;
        }

        /**
         * The anchors GitHub gives this page: one per heading (repeats numbered), and every explicit
         * id. ATX headings only ({@code ## Title}): these pages use no underlined ones.
         */
        Set<String> anchors() {
            Set<String> anchors = new LinkedHashSet<>();
            Map<String, Integer> seen = new HashMap<>();
            for (String line : prose.split("\n", -1)) {
                Matcher heading = ATX_HEADING.matcher(line);
                if (heading.matches()) {
                    String slug = slug(heading.group(1) == null ? "" : heading.group(1));
                    int earlier = seen.merge(slug, 1, Integer::sum) - 1;
                    anchors.add(earlier == 0 ? slug : slug + "-" + earlier);
                }
                Matcher id = EXPLICIT_ID.matcher(line);
                while (id.find()) {
                    anchors.add(id.group(1));
                }
            }
            return anchors;
        }
    }

    private record Fenced(String info, int firstLine, List<String> lines) {}

    private record Link(Page page, int line, String target) {

        String path() {
            int hash = target.indexOf('#');
            return decoded(hash < 0 ? target : target.substring(0, hash));
        }

        String anchor() {
            int hash = target.indexOf('#');
            return hash < 0 ? "" : decoded(target.substring(hash + 1));
        }

        /** Only %XX escapes are decoded: in a link, unlike in a form, '+' is a plus. */
        private static String decoded(String text) {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }

        /** As GitHub resolves it: against the page's folder, or the repository's root for a leading '/'. */
        Path resolved() {
            String path = path();
            Path base = path.startsWith("/") ? PROJECT : page.path().getParent();
            return base.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        }

        String where() {
            return relative(page.path()) + ":" + line + ": link (" + target + ")";
        }
    }

    /** GitHub's heading slug: the rendered text lowercased, punctuation but '-' and '_' dropped, spaces to '-'. */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "").replace(' ', '-');
    }

    // ---- paths in bash blocks ----

    /** A token that starts with a module of the root pom, ci/, .ci/, published/ or docs/, as a path. */
    private static Pattern repositoryPath() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Set<String> roots = new LinkedHashSet<>();
        Matcher module = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(pom);
        while (module.find()) {
            roots.add(module.group(1));
        }
        assertFalse(roots.isEmpty(), "the root pom.xml lists no <module>: the bash-block check would check nothing");
        roots.addAll(List.of("ci", ".ci", "published", "docs"));
        String alternatives = roots.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("^(?:" + alternatives + ")(?:/.*)?$");
    }

    /**
     * The repository paths a shell line names: each word, and what follows the last '=' of an
     * option such as {@code -Dx=path}, with quotes, {@code $(} and closing punctuation taken off.
     * Where a word stops being literal ({@code <run-id>}, {@code $VAR}, a glob), its folder is checked.
     */
    private static List<String> repositoryPaths(String line, Pattern repositoryPath) {
        List<String> paths = new ArrayList<>();
        for (String word : line.strip().split("\\s+")) {
            List<String> candidates = new ArrayList<>(List.of(word));
            int equals = word.lastIndexOf('=');
            if (equals >= 0) {
                candidates.add(word.substring(equals + 1));
            }
            for (String candidate : candidates) {
                String path = candidate.replaceFirst("^[\"'`(]*(?:\\$\\()?[\"'`(]*", "")
                        .replaceFirst("[\"'`),;:|&]+$", "");
                if (!repositoryPath.matcher(path).matches()) {
                    continue;
                }
                Matcher notLiteral = NOT_LITERAL.matcher(path);
                if (notLiteral.find()) {
                    path = path.substring(0, path.lastIndexOf('/', notLiteral.start()) + 1);
                }
                paths.add(path);
            }
        }
        return paths;
    }

    /** Null when the path names something, else why not. Build outputs are checked up to their module. */
    private static String pathProblem(String path) {
        int target = (path + "/").indexOf("/target/");
        if (target >= 0) {
            String module = path.substring(0, target);
            return Files.isDirectory(PROJECT.resolve(module)) ? null
                    : "is a build output of " + module + "/, which is not a folder of the repository";
        }
        return Files.exists(PROJECT.resolve(path)) ? null : "does not exist in the repository";
    }

    // ---- text helpers ----

    /** The text with every code span's characters turned to spaces, so that offsets and lines stay. */
    private static String blankCodeSpans(String text) {
        StringBuilder out = new StringBuilder(text);
        Matcher m = CODE_SPAN.matcher(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String relative(Path path) {
        return path.startsWith(PROJECT) ? PROJECT.relativize(path).toString() : path.toString();
    }
}
