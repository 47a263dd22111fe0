package uk.nhsjob.localstack.services;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One instance of a service: the first on the service's own port (8081 to 8083), the
 * second a hundred above it (8181 to 8183), and so on. Alone it is called by the
 * service's name, as is its log; one of several by the name and its number
 * ({@code matcher-service-2}).
 *
 * @param service the service
 * @param number 1 for the first instance
 * @param instances how many instances of the service run
 */
public record ServiceInstance(Service service, int number, int instances) {

	/** The distance between the ports of two instances of one service. */
	public static final int PORT_STEP = 100;

	public ServiceInstance {
		if (number < 1 || number > instances) {
			throw new IllegalArgumentException("Instance " + number + " of " + instances);
		}
	}

	/** Every instance of every service, the first instances first. */
	public static List<ServiceInstance> of(List<Service> services, int instances) {
		List<ServiceInstance> all = new ArrayList<>();
		for (int number = 1; number <= instances; number++) {
			for (Service service : services) {
				all.add(new ServiceInstance(service, number, instances));
			}
		}
		return List.copyOf(all);
	}

	public String name() {
		return (this.instances == 1) ? this.service.name() : this.service.name() + "-" + this.number;
	}

	public int port() {
		return this.service.port() + (this.number - 1) * PORT_STEP;
	}

	/** Whether other instances of the service run beside it. */
	public boolean isOneOfSeveral() {
		return this.instances > 1;
	}

	/** Where a person reaches it. */
	public String url() {
		return "http://localhost:" + port();
	}

	/** Where the launcher reaches it. */
	URI loopback(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

}
