package uk.nhsjob.notifier.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import uk.nhsjob.notifier.smtp.SmtpConnection;

/**
 * The SMTP connections a round sends on at once
 * ({@code nhsjob.notifier.delivery.connections}, three by default), one thread each: most
 * of an email's time is spent waiting for the SMTP server's and MongoDB's answers. Each
 * alert's emails always take the same lane, so they go in order, and a crash can double
 * at most one email per lane.
 */
@Component
class SmtpLanes implements DisposableBean {

	private final int connections;

	private final JavaMailSenderImpl mailSender;

	private final ExecutorService threads;

	SmtpLanes(DeliverySettings settings, JavaMailSenderImpl mailSender) {
		this.connections = settings.connections();
		this.mailSender = mailSender;
		this.threads = Executors.newFixedThreadPool(this.connections, (task) -> {
			Thread thread = new Thread(task, "smtp-lane");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Sends the round's emails over the lanes, each lane's one after another on one
	 * connection it opens for them, and returns when all are done.
	 */
	void send(List<ClaimedEmail> emails, BiConsumer<ClaimedEmail, SmtpConnection> sender) {
		CompletableFuture<?>[] sending = byLane(emails).stream()
			.map((lane) -> CompletableFuture.runAsync(() -> sendOnOneConnection(lane, sender), this.threads))
			.toArray(CompletableFuture[]::new);
		CompletableFuture.allOf(sending).join();
	}

	private List<List<ClaimedEmail>> byLane(List<ClaimedEmail> emails) {
		int count = Math.min(this.connections, emails.size());
		List<List<ClaimedEmail>> lanes = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			lanes.add(new ArrayList<>());
		}
		for (ClaimedEmail email : emails) {
			lanes.get(Math.floorMod(email.laneKey().hashCode(), count)).add(email);
		}
		lanes.removeIf(List::isEmpty);
		return lanes;
	}

	private void sendOnOneConnection(List<ClaimedEmail> lane, BiConsumer<ClaimedEmail, SmtpConnection> sender) {
		try (SmtpConnection smtp = new SmtpConnection(this.mailSender)) {
			for (ClaimedEmail email : lane) {
				sender.accept(email, smtp);
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.threads.shutdown();
		this.threads.awaitTermination(10, TimeUnit.SECONDS);
	}

}
