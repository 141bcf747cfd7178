package org.factorlab.cli;

import org.factorlab.engine.bench.BenchHtml;
import org.factorlab.engine.bench.BenchReport;
import org.factorlab.engine.bench.ExternalMeasurement;
import org.factorlab.engine.bench.MachineInfo;
import org.factorlab.engine.bench.Measurement;
import org.factorlab.engine.bench.Sample;
import org.factorlab.engine.bench.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens the {@code bench --export-html} report in a real headless Chromium (Debian {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs) and checks what a reader sees: every chart laid
 * out with a size, the expected series and labels, no label clipped by its chart or drawn over another,
 * nothing fetched from anywhere. Leaves {@code target/bench-report.png} behind for a human to look at.
 *
 * <p>Selenium is pointed at the system driver and browser so that nothing is downloaded.
 */
class HtmlReportBrowserIT {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final List<String> WORKLOADS = List.of("seed", "cpu");
    private static final List<String> MODELS = List.of("sequential", "threads", "processes");
    private static final List<Integer> WORKERS = List.of(1, 2, 10);
    private static final List<String> TOOLS = List.of("factorlab", "gnu-factor", "pari-gp");

    @Test
    @Timeout(120)
    void chromiumShowsEveryChartWithItsSeriesAndLabels() throws Exception {
        requireExecutable(CHROMIUM, "chromium");
        requireExecutable(CHROMEDRIVER, "chromium-driver");
        Path target = Path.of("target");
        Files.createDirectories(target);
        Path html = target.resolve("bench-report-test.html");
        Files.writeString(html, BenchHtml.render(syntheticReport()), StandardCharsets.UTF_8);
        Path profile = Files.createTempDirectory("factorlab-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = null;
        try {
            driver = new ChromeDriver(service, options(profile));
            driver.get(html.toAbsolutePath().toUri().toString());
            assertThat(driver.getTitle()).isEqualTo("factorlab bench report");
            checkCharts(driver);
            checkLayout(driver);
            screenshot(driver, target.resolve("bench-report.png"));
        } finally {
            if (driver != null) {
                driver.quit();
            }
            service.stop();
            deleteTree(profile);
        }
    }

    private static void requireExecutable(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            fail(path + " is missing: this test needs Debian's chromium and chromium-driver packages; .ci/run installs "
                    + "them (apt-get install -y chromium chromium-driver), or install " + debianPackage + " by hand");
        }
    }

    private static ChromeOptions options(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-quic", "--window-size=1200,2400", "--user-data-dir=" + profile.toAbsolutePath());
        return options;
    }

    private static void checkCharts(ChromeDriver driver) {
        for (String w : WORKLOADS) {
            WebElement time = chart(driver, "chart-time-" + w);
            WebElement speedup = chart(driver, "chart-speedup-" + w);
            WebElement throughput = chart(driver, "chart-throughput-" + w);
            for (WebElement chart : List.of(time, speedup, throughput)) {
                assertThat(attributes(chart, "g.series", "data-series")).as(chart.getDomAttribute("id"))
                        .containsExactlyElementsOf(MODELS);
            }
            assertThat(time.findElements(By.cssSelector("circle.median"))).hasSize(MODELS.size() * WORKERS.size());
            assertThat(texts(time, "text.axis-label")).contains("seconds");
            assertThat(texts(time, "g.legend text")).containsExactly("workers:", "1", "2", "10");
            assertThat(speedup.findElements(By.cssSelector("g.series polyline"))).hasSize(MODELS.size());
            List<WebElement> ideal = speedup.findElements(By.cssSelector("line.ideal"));
            assertThat(ideal).hasSize(1);
            assertThat(ideal.get(0).isDisplayed()).as("ideal line displayed").isTrue();
            assertThat(texts(speedup, "text.ideal-label")).containsExactly("ideal");
            assertThat(texts(speedup, "text.axis-label")).containsExactlyInAnyOrder("workers", "speed-up (× sequential)");
            assertThat(texts(throughput, "text.axis-label")).contains("numbers per second");
        }
        WebElement external = chart(driver, "chart-external");
        assertThat(attributes(external, "g.series", "data-series")).containsExactlyElementsOf(TOOLS);
        assertThat(external.getText()).contains("factorlab", "gnu-factor", "pari-gp", "skipped: gp not installed",
                "ratio 2.50 × factorlab");
    }

    /** The chart with this id: exactly one, displayed, with a real size on the page. */
    private static WebElement chart(ChromeDriver driver, String id) {
        List<WebElement> found = driver.findElements(By.cssSelector("svg#" + id));
        assertThat(found).as(id).hasSize(1);
        WebElement svg = found.get(0);
        assertThat(svg.isDisplayed()).as(id + " displayed").isTrue();
        Rectangle box = svg.getRect();
        assertThat(box.getWidth()).as(id + " width").isGreaterThan(600);
        assertThat(box.getHeight()).as(id + " height").isGreaterThan(100);
        return svg;
    }

    private static List<String> attributes(WebElement root, String css, String attribute) {
        return root.findElements(By.cssSelector(css)).stream().map(e -> e.getDomAttribute(attribute)).toList();
    }

    private static List<String> texts(WebElement root, String css) {
        return root.findElements(By.cssSelector(css)).stream().map(e -> e.getText().strip()).toList();
    }

    /** Laid-out text boxes as the browser measured them: inside their chart and not on top of each other. */
    @SuppressWarnings("unchecked")
    private static void checkLayout(ChromeDriver driver) {
        List<String> problems = (List<String>) ((JavascriptExecutor) driver).executeScript("""
                const problems = [];
                for (const svg of document.querySelectorAll('svg.chart')) {
                  const box = svg.getBoundingClientRect();
                  const labels = [...svg.querySelectorAll('text')]
                      .map(t => ({text: t.textContent, r: t.getBoundingClientRect()}));
                  for (const a of labels) {
                    if (a.r.left < box.left - 0.5 || a.r.right > box.right + 0.5
                        || a.r.top < box.top - 0.5 || a.r.bottom > box.bottom + 0.5) {
                      problems.push(svg.id + ': "' + a.text + '" is clipped');
                    }
                  }
                  for (let i = 0; i < labels.length; i++) {
                    for (let j = i + 1; j < labels.length; j++) {
                      const a = labels[i].r, b = labels[j].r;
                      const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                      const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                      if (dx > 1 && dy > 1) {
                        problems.push(svg.id + ': "' + labels[i].text + '" overlaps "' + labels[j].text + '"');
                      }
                    }
                  }
                }
                return problems;
                """);
        assertThat(problems).as("text layout problems").isEmpty();
        Object fetched = ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name);");
        assertThat((List<Object>) fetched).as("resources the page loaded").isEmpty();
    }

    /** Grows the window to the whole page, then saves and checks a PNG of it. */
    private static void screenshot(ChromeDriver driver, Path png) throws IOException {
        JavascriptExecutor js = driver;
        long page = (Long) js.executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        long chrome = (Long) js.executeScript("return Math.max(0, window.outerHeight - window.innerHeight);");
        driver.manage().window().setSize(new Dimension(1200, (int) Math.min(page + chrome + 8, 12_000)));
        byte[] bytes = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.write(png, bytes);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("decodable PNG").isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(900);
        assertThat(image.getHeight()).as("the whole page").isGreaterThanOrEqualTo((int) Math.max(2400, page));
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot (a blank page has one)").isGreaterThan(20);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The same shape as factorlab-engine's BenchHtmlTest report: 2 workloads × 3 models × 3 worker counts × 3 samples. */
    private static BenchReport syntheticReport() {
        List<Measurement> measurements = new ArrayList<>();
        for (String workload : WORKLOADS) {
            double base = workload.equals("seed") ? 2.0 : 4.0;
            for (String model : MODELS) {
                for (int workers : WORKERS) {
                    double median = model.equals("sequential") ? base
                            : base / Math.min(workers, 2) * (model.equals("threads") ? 1.05 : 1.2);
                    double[] seconds = {median, median * 0.98, median * 1.03};
                    List<Sample> samples = new ArrayList<>();
                    for (double s : seconds) {
                        samples.add(new Sample((long) (s * 1e9), -1, -1, -1, 10_000, true));
                    }
                    double speedup = base / median;
                    measurements.add(new Measurement(workload, model, workers, samples, Summary.of(seconds), speedup,
                            speedup / workers, Map.of()));
                }
            }
        }
        List<ExternalMeasurement> external = List.of(
                new ExternalMeasurement("factorlab", "factorlab factor < in.txt", "ok", "", List.of(1.0, 1.1, 0.9),
                        Summary.of(1.0, 1.1, 0.9), 1.0),
                new ExternalMeasurement("gnu-factor", "factor < in.txt", "ok", "", List.of(2.5, 2.4, 2.6),
                        Summary.of(2.5, 2.4, 2.6), 2.5),
                new ExternalMeasurement("pari-gp", "gp -q", "skipped", "gp not installed", List.of(), null, Double.NaN));
        MachineInfo machine = new MachineInfo("Test CPU <8 cores> @ 3.0GHz", 8, 16L << 30, "25+36 OpenJDK 64-Bit Server VM",
                List.of("-Xmx2g", "-XX:+UseG1GC"), "Linux 6.1 amd64", "0123abcd");
        return new BenchReport(BenchReport.VERSION, "factorlab bench --workload seed,cpu --note \"<fast> & 'quoted'\"",
                "2025-01-02T03:04:05Z", machine, measurements, external);
    }
}
