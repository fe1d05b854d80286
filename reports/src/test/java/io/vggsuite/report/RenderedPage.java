package io.vggsuite.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * A page as the browser rendered it, asked what a reader would notice: a picture that did not
 * decode, a link inside the page that goes nowhere, an error in the console. The questions run in
 * the page itself, so they see what the browser made of the file, not what the file says.
 */
final class RenderedPage {

    private final WebDriver browser;

    private RenderedPage(WebDriver browser) {
        this.browser = browser;
    }

    /** Opens {@code file} through {@code file://}; returns when the page and its images have loaded. */
    static RenderedPage open(WebDriver browser, Path file) {
        // The console log is read and cleared per page: drop what an earlier page left.
        browser.manage().logs().get(LogType.BROWSER);
        browser.get(file.toAbsolutePath().toUri().toString());
        return new RenderedPage(browser);
    }

    /** Every {@code <img>}, by its alt text (or the start of its source where it has none). */
    List<String> images() {
        return strings("return Array.from(document.images).map(i => i.alt || i.src.slice(0, 60));");
    }

    /** The images the browser could not decode: loaded with no pixels ({@code naturalWidth} 0) or not at all. */
    List<String> undecodedImages() {
        return strings("return Array.from(document.images).filter(i => !(i.complete && i.naturalWidth > 0))"
                + ".map(i => i.alt || i.src.slice(0, 60));");
    }

    /** The targets of every link inside the page ({@code href="#…"}). */
    List<String> inPageLinks() {
        return strings("return Array.from(document.querySelectorAll('a[href^=\"#\"]'))"
                + ".map(a => a.getAttribute('href'));");
    }

    /** The in-page links whose target is no element's id. */
    List<String> danglingLinks() {
        return strings("return Array.from(document.querySelectorAll('a[href^=\"#\"]'))"
                + ".map(a => a.getAttribute('href'))"
                + ".filter(h => document.getElementById(decodeURIComponent(h.slice(1))) === null);");
    }

    /**
     * The console's messages at SEVERE (errors: a script that threw, a resource that failed to load).
     * The driver hands log entries over as they reach it, which can be after the page's load event
     * on a busy machine (a script's error was missing once under a concurrent build), so the log is
     * read until it has stayed quiet for {@value #QUIET_POLLS} reads {@value #POLL_MILLIS} ms apart.
     */
    List<String> consoleErrors() {
        List<String> errors = new java.util.ArrayList<>();
        int quiet = 0;
        while (quiet < QUIET_POLLS) {
            List<String> more = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(LogEntry::getMessage)
                    .toList();
            errors.addAll(more);
            quiet = more.isEmpty() ? quiet + 1 : 0;
            if (quiet < QUIET_POLLS) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return errors;
    }

    private static final int QUIET_POLLS = 3;
    private static final int POLL_MILLIS = 250;

    /** Saves what the browser window shows (the first screen) as a PNG at {@code file}. */
    Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the screenshot " + file, e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String script) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(script);
    }
}
