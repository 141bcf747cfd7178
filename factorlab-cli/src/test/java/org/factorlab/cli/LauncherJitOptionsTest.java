package org.factorlab.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher's list of methods kept out of C2 ({@code ./factorlab}, the loop over
 * {@code -XX:CompileCommand=MaxNodeLimit,<method>,1000}). A pattern that matches nothing is silently
 * ignored by HotSpot, so a renamed method would quietly go back to C2: every entry must name an
 * existing class and method. And the options must be accepted by the JVM without a word on standard
 * output, which is why they are CompileCommands and not a compiler-directives file.
 */
class LauncherJitOptionsTest {

    private static final Pattern ENTRY = Pattern.compile("\"(\\$siqs|[a-z][a-z0-9]*(?:\\.[a-z][a-z0-9]*)*)"
            + "\\.([A-Z][A-Za-z0-9*]*(?:\\\\\\$[A-Za-z0-9]+)?)::([^\"]+)\"");

    /** The repository root: the first ancestor of the working directory holding the launcher. */
    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("factorlab")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("launcher not found above " + Path.of("").toAbsolutePath());
    }

    private static String launcherText() throws IOException {
        return Files.readString(root().resolve("factorlab"), StandardCharsets.UTF_8);
    }

    /** {@code (class name, method pattern)} of every entry of the launcher's list. */
    private static List<String[]> entries() throws IOException {
        String launcher = launcherText();
        Matcher list = Pattern.compile("(?s)\\nsiqs=(\\S+)\\nfor m in (.*?); do\\n").matcher(launcher);
        assertThat(list.find()).as("the launcher's C1-only list").isTrue();
        String siqs = list.group(1);
        return ENTRY.matcher(list.group(2)).results().map(m -> new String[] {
                (m.group(1).equals("$siqs") ? siqs : m.group(1)) + "." + m.group(2).replace("\\$", "$"),
                m.group(3)}).toList();
    }

    @Test
    void everyEntryNamesAnExistingMethod() throws Exception {
        List<String[]> entries = entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(10);
        for (String[] e : entries) {
            String cls = e[0];
            String method = e[1];
            List<Class<?>> classes = new ArrayList<>();
            if (cls.endsWith("*")) {
                // "Gf2Filter*": the class and its nested classes
                Class<?> outer = Class.forName(cls.substring(0, cls.length() - 1));
                classes.add(outer);
                classes.addAll(Arrays.asList(outer.getDeclaredClasses()));
            } else {
                classes.add(Class.forName(cls));
            }
            boolean found = false;
            for (Class<?> c : classes) {
                Stream<Executable> members = method.equals("<init>") ? Arrays.stream(c.getDeclaredConstructors())
                        : Arrays.stream(c.getDeclaredMethods()).map(x -> (Executable) x);
                found |= members.anyMatch(x -> method.equals("*") || method.equals("<init>") || x.getName().equals(method));
            }
            assertThat(found).as("%s::%s exists", cls, method).isTrue();
        }
    }

    /**
     * {@code (class pattern, scale)} of the launcher's list of classes whose compile thresholds are
     * scaled down for {@code factor} (where on-stack replacement is off).
     */
    private static List<String[]> scaledClasses() throws IOException {
        String launcher = launcherText();
        Matcher block = Pattern.compile("(?s)\\n\\s*for c in (.*?); do\\n").matcher(launcher);
        assertThat(block.find()).as("the launcher's list of scaled classes").isTrue();
        Matcher siqs = Pattern.compile("\\nsiqs=(\\S+)\\n").matcher(launcher);
        assertThat(siqs.find()).isTrue();
        return Pattern.compile("\"(\\S+) (0\\.[0-9]+)\"").matcher(block.group(1)).results().map(m -> new String[] {
                m.group(1).replace("$siqs", siqs.group(1)).replace("\\$", "$"), m.group(2)}).toList();
    }

    @Test
    void everyScaledClassPatternNamesExistingClasses() throws Exception {
        List<String[]> entries = scaledClasses();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(5);
        for (String[] e : entries) {
            String cls = e[0];
            if (cls.endsWith(".*")) {
                // a whole package
                String dir = cls.substring(0, cls.length() - 2).replace('.', '/') + "/";
                assertThat(getClass().getClassLoader().getResource(dir)).as("package of %s", cls).isNotNull();
            } else {
                Class.forName(cls.endsWith("*") ? cls.substring(0, cls.length() - 1) : cls);
            }
            assertThat(Double.parseDouble(e[1])).as("scale of %s", cls).isBetween(0.001, 1.0);
        }
    }

    /** Every {@code dontinline} entry that names one of our classes names an existing method of it. */
    @Test
    void everyOwnDontInlineEntryNamesAnExistingMethod() throws Exception {
        String launcher = launcherText();
        Matcher m = Pattern.compile("CompileCommand=dontinline,(org\\.factorlab[\\w.]*)\\.([A-Z]\\w*)::(\\w+)")
                .matcher(launcher);
        int count = 0;
        while (m.find()) {
            Class<?> c = Class.forName(m.group(1) + "." + m.group(2));
            String method = m.group(3);
            assertThat(Arrays.stream(c.getDeclaredMethods()).anyMatch(x -> x.getName().equals(method)))
                    .as("%s::%s exists", c.getName(), method).isTrue();
            count++;
        }
        assertThat(count).as("dontinline entries naming our classes").isPositive();
    }

    @Test
    @Timeout(60)
    void jvmAcceptsTheOptionsSilently() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:CompileCommand=quiet"));
        for (String[] e : entries()) {
            String pattern = e[0] + "::" + e[1];
            command.add("-XX:CompileCommand=MaxNodeLimit," + pattern + ",1000");
            command.add("-XX:CompileCommand=CompileThresholdScaling," + pattern + ",0.01");
        }
        command.add("-XX:-UseOnStackReplacement");
        for (String[] e : scaledClasses()) {
            command.add("-XX:CompileCommand=CompileThresholdScaling," + e[0] + "::*," + e[1]);
        }
        command.add("-version");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("exit status; stderr: %s", err).isZero();
        assertThat(out).as("standard output").isEmpty();
        assertThat(err).as("standard error").doesNotContain("CompileCommand").doesNotContain("rror");
    }
}
