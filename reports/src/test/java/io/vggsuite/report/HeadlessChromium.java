package io.vggsuite.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Hands a test a {@link WebDriver} on Debian's headless {@code chromium}, driven by Debian's
 * {@code chromedriver} named explicitly: left to itself Selenium Manager would try to download a
 * driver and a browser, and nothing can be downloaded while the tests run. Both binaries are found
 * at {@code /usr/bin} ({@code -Dchromium.binary=…}, {@code -Dchromedriver.binary=…} to point
 * elsewhere). Without one of them the tests are skipped with the reason; with {@code CI=true}
 * they fail instead, because {@code .ci/run} installs both. One browser per test class, in the
 * extension store, quit when the class ends.
 */
final class HeadlessChromium implements BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HeadlessChromium.class);

    /**
     * Selenium looks for DevTools support matching the browser's version when the driver starts and
     * warns that it has none for Debian's chromium; these tests use no DevTools, so the warning would
     * only alarm a reader of the build log. Held here so the setting is not collected with the logger.
     */
    private static final Logger DEVTOOLS = Logger.getLogger("org.openqa.selenium.devtools");

    static {
        DEVTOOLS.setLevel(Level.SEVERE);
    }

    /** The first screen the screenshot shows: a laptop's browser window. */
    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    private static Path chromium() {
        return Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        List<String> missing = new ArrayList<>();
        for (Path binary : List.of(chromium(), chromedriver())) {
            if (!Files.isExecutable(binary)) {
                missing.add(binary.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String reason = "no headless browser: " + String.join(" and ", missing) + " missing (Debian's chromium"
                + " and chromium-driver: apt-get install -y chromium chromium-driver; .ci/run installs them)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new ExtensionConfigurationException("CI=true requires the browser test: " + reason);
        }
        reason = "skipped outside CI (set CI=true to require it): " + reason;
        // Surefire's console counts skips but does not say why (harness has a listener for it, in
        // its own test classes); the reason goes where the user looks, as harness prints it.
        System.err.println("[SKIPPED] " + context.getDisplayName() + ": " + reason);
        Assumptions.abort(reason);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public WebDriver resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext testClass = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow() : context;
        return testClass.getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, key -> Browser.start(),
                Browser.class).driver();
    }

    /** The running browser; the store closes it when the class's context ends. */
    private record Browser(WebDriver driver) implements AutoCloseable {

        static Browser start() {
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver().toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium().toFile());
            // --no-sandbox: CI runs as root, where chromium refuses its sandbox.
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=" + WIDTH + "," + HEIGHT);
            // The page's console messages, read back through the driver's log endpoint.
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            return new Browser(new ChromeDriver(service, options));
        }

        @Override
        public void close() {
            driver.quit();
        }
    }
}
