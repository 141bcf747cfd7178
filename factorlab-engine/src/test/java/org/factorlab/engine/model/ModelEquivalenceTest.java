package org.factorlab.engine.model;

import org.factorlab.core.Algorithm;
import org.factorlab.core.workload.RandomWorkload;
import org.factorlab.engine.run.RandomChunks;
import org.factorlab.engine.run.TokenChunks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every registered model gives the sequential model's bytes, for both algorithms and both inputs. */
class ModelEquivalenceTest {

    static Stream<Arguments> modelsAndAlgorithms() {
        return ModelRegistry.names().stream()
                .flatMap(m -> Stream.of(Algorithm.values()).map(a -> Arguments.of(m, a)));
    }

    static Stream<String> models() {
        return ModelRegistry.names().stream();
    }

    @Test
    void theBuiltInModelsAreRegistered() {
        assertThat(ModelRegistry.names()).startsWith("sequential", "threads", "virtual", "forkjoin")
                .contains("gil");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelsAndAlgorithms")
    @Timeout(120)
    void runGivesTheSequentialBytes(String model, Algorithm algorithm) {
        String expected = Jobs.run(new SequentialModel(), Jobs.gnu(algorithm), Jobs.seedWorkload(17, 20_000, 200), true).out();
        Jobs.Outcome actual = Jobs.run(model, 3, Jobs.gnu(algorithm), Jobs.seedWorkload(17, 20_000, 200));
        assertThat(actual.out()).isEqualTo(expected);
        assertThat(actual.stats().count()).isEqualTo(20_000);
        assertThat(actual.stats().failed()).isZero();
        assertThat(actual.stats().model()).isEqualTo(model);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @Timeout(120)
    void factorOnStandardInputGivesTheSequentialBytes(String model) {
        String input = stdin();
        String expected = Jobs.run(new SequentialModel(), Jobs.gnu(Algorithm.AUTO), tokens(input), true).out();
        TokenChunks supplier = tokens(input);
        Jobs.Outcome actual = Jobs.run(model, 2, Jobs.gnu(Algorithm.AUTO), supplier);
        assertThat(actual.out()).isEqualTo(expected);
        assertThat(expected.lines().count()).isEqualTo(50_000 - 2);
        assertThat(supplier.invalid()).isEqualTo(2); // 'x7' and '-3'
        assertThat(actual.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    @Timeout(120)
    void unorderedOutputIsAPermutationOfTheOrderedOne(String model) {
        String ordered = Jobs.run(new SequentialModel(), Jobs.gnu(Algorithm.AUTO), Jobs.seedWorkload(5, 5_000, 50), true).out();
        try (ExecutionModel m = ModelRegistry.create(model, ModelOptions.workers(3))) {
            String unordered = Jobs.run(m, Jobs.gnu(Algorithm.AUTO), Jobs.seedWorkload(5, 5_000, 50), false).out();
            assertThat(unordered.lines().sorted().toList()).isEqualTo(ordered.lines().sorted().toList());
        }
    }

    /** 50,000 tokens: random numbers of every size up to 80 bits, a few blank lines and two bad tokens. */
    private static String stdin() {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            if (i == 100) {
                sb.append("x7\n");
            } else if (i == 30_000) {
                sb.append("-3\n\n");
            } else {
                int bits = 1 + random.nextInt(i % 100 == 0 ? 80 : 62);
                sb.append(new BigInteger(bits, new java.util.Random(random.nextLong()))).append(i % 7 == 0 ? " " : "\n");
            }
        }
        return sb.toString();
    }

    private static TokenChunks tokens(String input) {
        return new TokenChunks(new ByteArrayInputStream(input.getBytes(StandardCharsets.US_ASCII)),
                new PrintStream(OutputStream.nullOutputStream()), 500);
    }

    @Test
    void aWorkloadOfNothingProducesNothing() {
        for (String model : ModelRegistry.names()) {
            Jobs.Outcome o = Jobs.run(model, 2, Jobs.gnu(Algorithm.AUTO), new RandomChunks(new RandomWorkload(1, 0, 1, 9), 10));
            assertThat(o.out()).as(model).isEmpty();
            assertThat(o.stats().count()).as(model).isZero();
        }
    }

    @Test
    void gilSummaryReportsItsHandOffs() {
        Jobs.Outcome o = Jobs.run("gil", 2, Jobs.gnu(Algorithm.TRIAL), Jobs.seedWorkload(1, 2_000, 100));
        assertThat(o.stats().summaryLine()).doesNotContain("\n").contains("model=gil", "workers=2", "count=2000",
                "handoffs=", "longest_wait=", "utilisation=");
        assertThat(List.of(o.stats().details().keySet().toArray(String[]::new)))
                .containsExactly("switch_interval", "handoffs", "handoffs_per_s", "longest_wait");
    }
}
