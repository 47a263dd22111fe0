package uk.nhsjob.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.nhsjob.localstack.kafka.KafkaNodePorts;
import uk.nhsjob.localstack.services.Service;
import uk.nhsjob.localstack.services.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/** The fixed ports each mode listens on, all checked free before anything starts. */
class StackPortsTests {

	private static final List<Service> SERVICES = List.of(new Service(Service.INGEST, 8081, Path.of("i.jar")),
			new Service(Service.MATCHER, 8082, Path.of("m.jar")),
			new Service(Service.NOTIFIER, 8083, Path.of("n.jar")));

	@Test
	void aSingleBrokerKeepsItsPortAndItsControllersAsAlways() {
		assertThat(LocalStack.kafkaPorts(1)).containsExactly(new KafkaNodePorts(9092, 9093));
		assertThat(LocalStack.ports(LocalStack.kafkaPorts(1), ServiceInstance.of(SERVICES, 1), true, 8026))
			.containsExactly(entry("Kafka", 9092), entry("Kafka controller", 9093), entry("MongoDB", 27017),
					entry("SMTP", 1025), entry("IMAP", 1143), entry("web inbox", 8025),
					entry("control interface", 8026), entry("ingest-service", 8081), entry("matcher-service", 8082),
					entry("notifier-service", 8083));
	}

	@Test
	void theControlInterfaceListensOn8026UnlessLocalStackControlPortSaysOtherwise() {
		assertThat(LocalStack.controlPort(Map.of())).isEqualTo(8026);
		assertThat(LocalStack.controlPort(Map.of("LOCAL_STACK_CONTROL_PORT", "18026"))).isEqualTo(18026);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LocalStack.controlPort(Map.of("LOCAL_STACK_CONTROL_PORT", "x")))
			.withMessageContaining("LOCAL_STACK_CONTROL_PORT");
	}

	@Test
	void threeBrokersListenOn9092To9094WithTheirControllersOn9095To9097() {
		assertThat(LocalStack.kafkaPorts(3)).containsExactly(new KafkaNodePorts(9092, 9095),
				new KafkaNodePorts(9093, 9096), new KafkaNodePorts(9094, 9097));
	}

	@Test
	void checksEveryPortOfEveryBrokerAndInstance() {
		assertThat(LocalStack.ports(LocalStack.kafkaPorts(3), ServiceInstance.of(SERVICES, 2), false, 8026))
			.containsEntry("Kafka broker 1", 9092)
			.containsEntry("Kafka broker 3", 9094)
			.containsEntry("Kafka broker 3 controller", 9097)
			.containsEntry("ingest-service-1", 8081)
			.containsEntry("notifier-service-2", 8183)
			.doesNotContainKey("MongoDB")
			.hasSize(6 + 4 + 6);
		assertThat(LocalStack.ports(LocalStack.kafkaPorts(3), ServiceInstance.of(SERVICES, 2), true, 8026).values())
			.doesNotHaveDuplicates();
	}

}
