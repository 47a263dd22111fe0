package uk.nhsjob.localstack;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StackOptionsTests {

	@Test
	void withoutFlagsStartsOneBrokerAndOneInstanceOfEachServiceAndRestartsNothing() {
		assertThat(StackOptions.parse(List.of())).isEqualTo(new StackOptions(true, 1, 1, false, false));
		assertThat(StackOptions.parse(List.of()).isCluster()).isFalse();
	}

	@Test
	void readsTheClusterFlagsInEitherSpelling() {
		assertThat(StackOptions.parse(List.of("--brokers", "3", "--instances", "2", "--restart-crashed")))
			.isEqualTo(new StackOptions(true, 3, 2, true, false));
		assertThat(StackOptions.parse(List.of("--brokers=3", "--instances=2")))
			.isEqualTo(new StackOptions(true, 3, 2, false, false));
		assertThat(StackOptions.parse(List.of("--infrastructure-only", "--brokers", "3")))
			.isEqualTo(new StackOptions(false, 3, 1, false, false));
	}

	@Test
	void refusesCountsOutOfRangeMissingOrUnknownArgumentsNamingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> StackOptions.parse(List.of("--brokers", "4")))
			.withMessage("--brokers takes a number from 1 to 3, not 4");
		assertThatIllegalArgumentException().isThrownBy(() -> StackOptions.parse(List.of("--instances")))
			.withMessage("--instances takes a number from 1 to 3, not nothing");
		assertThatIllegalArgumentException().isThrownBy(() -> StackOptions.parse(List.of("--instances", "two")))
			.withMessageContaining("not two");
		assertThatIllegalArgumentException().isThrownBy(() -> StackOptions.parse(List.of("--cluster")))
			.withMessage("Unknown argument --cluster");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> StackOptions.parse(List.of("--infrastructure-only", "--instances", "2")))
			.withMessageContaining("--instances needs the services");
	}

	@Test
	void asksOnlyForTheUsage() {
		assertThat(StackOptions.parse(List.of("--help")).help()).isTrue();
		assertThat(StackOptions.USAGE).contains("--brokers N").contains("--instances N").contains("--restart-crashed");
	}

}
