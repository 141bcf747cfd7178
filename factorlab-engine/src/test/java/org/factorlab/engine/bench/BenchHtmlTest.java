package org.factorlab.engine.bench;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTML report's structure without a browser (the real-browser check is factorlab-cli's
 * {@code HtmlReportBrowserIT}). The page is also well-formed XML, so the structure is checked with the
 * JDK's DOM and XPath rather than with brittle regular expressions.
 */
class BenchHtmlTest {
    static final String COMMAND = "factorlab bench --workload seed,cpu --note \"<fast> & 'quoted'\"";
    static final List<String> WORKLOADS = List.of("seed", "cpu");
    static final List<String> MODELS = List.of("sequential", "threads", "processes");
    static final List<Integer> WORKERS = List.of(1, 2, 10);
    static final long COUNT = 10_000;

    /** 2 workloads × 3 models × workers 1, 2, 10 × 3 samples, plus factorlab, GNU factor and a skipped PARI/GP. */
    static BenchReport syntheticReport() {
        List<Measurement> measurements = new ArrayList<>();
        for (String workload : WORKLOADS) {
            double base = workload.equals("seed") ? 2.0 : 4.0;
            for (String model : MODELS) {
                for (int workers : WORKERS) {
                    double median = model.equals("sequential") ? base
                            : base / Math.min(workers, 2) * (model.equals("threads") ? 1.05 : 1.2);
                    measurements.add(measurement(workload, model, workers, median, base));
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
        return new BenchReport(BenchReport.VERSION, COMMAND, "2025-01-02T03:04:05Z", machine, measurements, external);
    }

    private static Measurement measurement(String workload, String model, int workers, double median, double sequential) {
        double[] seconds = {median, median * 0.98, median * 1.03};
        List<Sample> samples = new ArrayList<>();
        for (double s : seconds) {
            samples.add(new Sample((long) (s * 1e9), -1, -1, -1, COUNT, true));
        }
        double speedup = sequential / median;
        return new Measurement(workload, model, workers, samples, Summary.of(seconds), speedup, speedup / workers, Map.of());
    }

    private static final String HTML = BenchHtml.render(syntheticReport());

    private static final Document DOM = parse(HTML);

    /** Parses the page as XML: this fails on any unbalanced tag or unknown entity. */
    private static Document parse(String html) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the page is not well-formed: " + e.getMessage(), e);
        }
    }

    private static List<Element> select(String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, DOM, XPathConstants.NODESET);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static List<String> texts(String xpath) throws Exception {
        return select(xpath).stream().map(e -> e.getTextContent().strip()).toList();
    }

    private static List<String> seriesOf(String chartId) throws Exception {
        return select("//svg[@id='" + chartId + "']//g[@class='series']").stream().map(e -> e.getAttribute("data-series")).toList();
    }

    @Test
    void pageReferencesNothingOutsideItself() {
        assertThat(HTML).startsWith("<!DOCTYPE html>");
        for (String external : List.of("http://", "https://", "<script", "<link", "@import", "url(", "src=", "<img", "<iframe")) {
            assertThat(HTML).as("must not contain %s", external).doesNotContainIgnoringCase(external);
        }
        assertThat(HTML).contains("<style>").contains("<svg");
    }

    @Test
    void pageIsWellFormedMarkup() throws Exception {
        assertThat(DOM.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(select("//svg")).hasSize(WORKLOADS.size() * 3 + 1);
    }

    @Test
    void everyChartHasItsStableIdExactlyOnce() {
        List<String> ids = new ArrayList<>(List.of("chart-external"));
        for (String w : WORKLOADS) {
            ids.addAll(List.of("chart-time-" + w, "chart-speedup-" + w, "chart-throughput-" + w));
        }
        for (String id : ids) {
            Matcher m = Pattern.compile("<svg id=\"" + Pattern.quote(id) + "\"").matcher(HTML);
            assertThat(m.results().count()).as(id).isEqualTo(1);
        }
    }

    @Test
    void timeChartHasOnePointWithWhiskersPerModelAndWorkerCount() throws Exception {
        assertThat(seriesOf("chart-time-seed")).containsExactlyElementsOf(MODELS);
        for (String model : MODELS) {
            String series = "//svg[@id='chart-time-seed']//g[@class='series' and @data-series='" + model + "']";
            assertThat(select(series + "/g[@class='point']")).hasSize(WORKERS.size());
            assertThat(select(series + "//circle[@class='median']")).hasSize(WORKERS.size());
            assertThat(select(series + "//line[@class='whisker']")).hasSize(WORKERS.size());
        }
        assertThat(texts("//svg[@id='chart-time-seed']/g[@class='legend']/text"))
                .containsExactly("workers:", "1", "2", "10");
        assertThat(texts("//svg[@id='chart-time-seed']//title"))
                .contains("threads, 2 workers: median 1.050 s (min 1.029, max 1.082)");
    }

    @Test
    void timeChartWhiskerSpansMinToMaxAroundTheMedian() throws Exception {
        Element point = select("//svg[@id='chart-time-cpu']//g[@data-series='processes']/g[@data-workers='2']").get(0);
        Element whisker = (Element) point.getElementsByTagName("line").item(0);
        Element dot = (Element) point.getElementsByTagName("circle").item(0);
        double low = Double.parseDouble(whisker.getAttribute("y1"));   // pixel y grows downwards
        double high = Double.parseDouble(whisker.getAttribute("y2"));
        double median = Double.parseDouble(dot.getAttribute("cy"));
        assertThat(low).isGreaterThan(median);
        assertThat(high).isLessThan(median);
    }

    @Test
    void speedupChartHasALinePerModelAndTheIdealLine() throws Exception {
        for (String w : WORKLOADS) {
            String chart = "//svg[@id='chart-speedup-" + w + "']";
            assertThat(seriesOf("chart-speedup-" + w)).containsExactlyElementsOf(MODELS);
            assertThat(select(chart + "//g[@class='series']/polyline")).hasSize(MODELS.size());
            assertThat(select(chart + "//g[@data-series='threads']/circle")).hasSize(WORKERS.size());
            assertThat(select(chart + "//line[@class='ideal']")).hasSize(1);
            assertThat(texts(chart + "//text[@class='ideal-label']")).containsExactly("ideal");
        }
    }

    @Test
    void idealLineRunsFromOneWorkerAtSpeedUpOneToTheLargestWorkerCount() throws Exception {
        String chart = "//svg[@id='chart-speedup-seed']";
        Element ideal = select(chart + "//line[@class='ideal']").get(0);
        // sequential with 1 worker has speed-up 1: the ideal line starts on that point
        Element one = select(chart + "//g[@data-series='sequential']/circle").get(0);
        assertThat(ideal.getAttribute("x1")).isEqualTo(one.getAttribute("cx"));
        assertThat(ideal.getAttribute("y1")).isEqualTo(one.getAttribute("cy"));
        // and ends above the 10-worker points, at speed-up 10: the top of the y axis
        Element ten = select(chart + "//g[@data-series='threads']/circle").get(2);
        assertThat(ideal.getAttribute("x2")).isEqualTo(ten.getAttribute("cx"));
        double top = select(chart + "/line[@class='grid' and @x1='78.0' and @x2='872.0']").stream()
                .mapToDouble(e -> Double.parseDouble(e.getAttribute("y1"))).min().orElseThrow();
        assertThat(Double.parseDouble(ideal.getAttribute("y2"))).isEqualTo(top);
    }

    @Test
    void throughputBarsAreCountOverMedianWallFromZero() throws Exception {
        assertThat(seriesOf("chart-throughput-seed")).containsExactlyElementsOf(MODELS);
        String chart = "//svg[@id='chart-throughput-seed']";
        assertThat(select(chart + "//rect[@class='bar']")).hasSize(MODELS.size() * WORKERS.size());
        // sequential: 10,000 numbers in a 2 s median; threads with 2 workers: in 1.05 s
        assertThat(texts(chart + "//rect/title")).contains("sequential, 1 worker: 5,000 numbers/s",
                "threads, 2 workers: 9,524 numbers/s");
        double sequential = barHeight(chart + "//g[@data-series='sequential']/rect[@data-workers='1']");
        double threads = barHeight(chart + "//g[@data-series='threads']/rect[@data-workers='2']");
        assertThat(threads / sequential).isCloseTo(2.0 / 1.05, org.assertj.core.data.Offset.offset(0.01));
    }

    private static double barHeight(String xpath) throws Exception {
        return Double.parseDouble(select(xpath).get(0).getAttribute("height"));
    }

    @Test
    void everyWorkloadChartLabelsBothAxes() throws Exception {
        for (String w : WORKLOADS) {
            assertThat(texts("//svg[@id='chart-time-" + w + "']//text[@class='axis-label']")).hasSize(2).contains("seconds");
            assertThat(texts("//svg[@id='chart-speedup-" + w + "']//text[@class='axis-label']"))
                    .containsExactlyInAnyOrder("speed-up (× sequential)", "workers");
            assertThat(texts("//svg[@id='chart-throughput-" + w + "']//text[@class='axis-label']"))
                    .hasSize(2).contains("numbers per second");
        }
        // nice steps: the seed workload peaks at 2.47 s (step 0.5), cpu at 4.94 s (step 1)
        assertThat(texts("//svg[@id='chart-time-seed']//text[@class='tick-label']")).containsExactly("0.0", "0.5", "1.0", "1.5", "2.0", "2.5");
        assertThat(texts("//svg[@id='chart-time-cpu']//text[@class='tick-label']")).containsExactly("0", "1", "2", "3", "4", "5");
        assertThat(texts("//svg[@id='chart-external']//text[@class='axis-label']")).containsExactly("median wall time (seconds)");
    }

    @Test
    void externalChartListsEveryToolAndMarksTheSkippedOne() throws Exception {
        assertThat(seriesOf("chart-external")).containsExactly("factorlab", "gnu-factor", "pari-gp");
        String chart = "//svg[@id='chart-external']";
        assertThat(select(chart + "//rect[@class='bar']")).hasSize(2);
        assertThat(texts(chart + "//g[@data-series='gnu-factor']/text[@class='value']")).containsExactly("2.500 s · ratio 2.50 × factorlab");
        assertThat(texts(chart + "//g[@data-series='pari-gp']/text[@class='note']")).containsExactly("skipped: gp not installed");
        assertThat(texts("//table[@id='external-table']//tr[td[1]='pari-gp']/td[2]")).containsExactly("skipped");
    }

    @Test
    void summaryTableHasARowPerConfigurationWithItsStatistics() throws Exception {
        assertThat(select("//table[@id='summary-seed']//tr[td]")).hasSize(MODELS.size() * WORKERS.size());
        // threads, 2 workers, seed: median 1.05, min 1.029, max 1.0815, MAD 0.021, speed-up 2/1.05, efficiency / 2
        assertThat(texts("//table[@id='summary-seed']//tr[td[1]='threads' and td[2]='2']/td"))
                .containsExactly("threads", "2", "3", "1.050", "1.029", "1.082", "0.021", "1.90", "0.95", "9,524", "yes");
        assertThat(texts("//table[@id='summary-seed']/tr[1]/th")).contains("median (s)", "MAD (s)", "speed-up", "efficiency");
    }

    @Test
    void escapesMarkupInTheCommandAndMachineInfo() throws Exception {
        assertThat(HTML).doesNotContain("<fast>").doesNotContain("<8 cores>");
        assertThat(HTML).contains("--note &quot;&lt;fast&gt; &amp; &#39;quoted&#39;&quot;");
        assertThat(texts("//code[@id='command']")).containsExactly(COMMAND);
        assertThat(texts("//table[@id='machine']//td")).contains("Test CPU <8 cores> @ 3.0GHz");
    }

    @Test
    void showsTheMachineAndTheDate() throws Exception {
        assertThat(texts("//table[@id='machine']//th"))
                .containsExactly("CPU model", "Cores", "Memory", "JDK", "JVM flags", "OS", "Git commit");
        assertThat(texts("//table[@id='machine']//td"))
                .containsExactly("Test CPU <8 cores> @ 3.0GHz", "8", "16.0 GiB", "25+36 OpenJDK 64-Bit Server VM",
                        "-Xmx2g -XX:+UseG1GC", "Linux 6.1 amd64", "0123abcd");
        assertThat(HTML).contains("2025-01-02T03:04:05Z");
    }

    @Test
    void workloadNamesBecomeSafeUniqueIds() {
        BenchReport base = syntheticReport();
        Measurement m = base.measurements().get(0);
        List<Measurement> odd = List.of(
                new Measurement("a b\"<", m.model(), 1, m.samples(), m.wall(), 1, 1, Map.of()),
                new Measurement("a-b--", m.model(), 1, m.samples(), m.wall(), 1, 1, Map.of()));
        String html = BenchHtml.render(new BenchReport(1, "x", "now", base.machine(), odd, List.of()));
        assertThat(html).contains("id=\"chart-time-a-b--\"", "id=\"chart-time-a-b---2\"").doesNotContain("chart-external");
        assertThat(html).contains("Workload: a b&quot;&lt;");
    }
}
