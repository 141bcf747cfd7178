package org.factorlab.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The picocli-free path for plain {@code factor} lines behaves exactly like the picocli path. */
class QuickFactorTest {

    static Stream<List<String>> commandLines() {
        return Stream.of(
                List.of("factor", "12"),
                List.of("factor", "12", "+0013", "0", "1", "18446744073709551615", "18446744073709551616"),
                List.of("factor", "-h", "3000", "1024"),
                List.of("factor", "--exponents", "--json", "360"),
                List.of("factor", "--verify", "-j", "1", "97", "100"),
                List.of("factor", "-j2", "--unordered", "6"),
                List.of("factor", "--workers=3", "--json", "340282366920938463463374607431768211457"),
                List.of("factor", "--workers", "1"),
                List.of("factor", "--jobs", "2", "91"),
                List.of("factor", "--jobs=1", "91"),
                List.of("factor", "--", "-5", "7"),
                List.of("factor", "-5"),
                List.of("factor", "abc", "12"),
                List.of("factor", "-j", "0", "12"),
                List.of("factor", "-j"),
                List.of("factor", "-x", "12"),
                List.of("factor", "--json", "--json", "12"),
                List.of("factor", "--help"),
                List.of("factor"));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void quickAndPicocliPathsAgree(List<String> args) {
        String stdin = "10 11\n12\n";
        String[] a = args.toArray(String[]::new);
        Cli.Result quick = Cli.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), true, a);
        Cli.Result picocli = Cli.run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), false, a);
        assertThat(quick).isEqualTo(picocli);
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void onlyPlainLinesTakeTheQuickPath(List<String> args) {
        String[] a = args.toArray(String[]::new);
        FactorCommand c = QuickFactor.parse(a, null);
        boolean plain = args.stream().skip(1).noneMatch(s -> s.equals("abc") || s.equals("-5") && !args.contains("--")
                || s.equals("-x") || s.equals("--help") || s.equals("0") && args.contains("-j"))
                && !args.equals(List.of("factor", "-j"))
                && !args.equals(List.of("factor", "--json", "--json", "12"));
        assertThat(c != null).as("quick path taken").isEqualTo(plain);
    }
}
