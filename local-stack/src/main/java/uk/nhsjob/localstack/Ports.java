package uk.nhsjob.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that the ports the stack listens on are free. */
final class Ports {

	private Ports() {
	}

	/**
	 * @param ports what listens where, such as {@code "Kafka" -> 9092}
	 * @throws IllegalStateException naming every port in use
	 */
	static void requireFree(String host, Map<String, Integer> ports) {
		List<String> busy = new ArrayList<>();
		ports.forEach((what, port) -> {
			if (!isFree(host, port)) {
				busy.add(port + " (" + what + ")");
			}
		});
		if (!busy.isEmpty()) {
			throw new IllegalStateException("Port" + ((busy.size() > 1) ? "s " : " ") + String.join(", ", busy) + " on "
					+ host + ((busy.size() > 1) ? " are" : " is") + " in use. Is another local stack running? "
					+ "Stop it, or find what listens with: ss -ltnp");
		}
	}

	static boolean isFree(String host, int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
