package com.vetacrm.mining;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Switches scheduling on for the mining poller ({@code MiningJobs#runQueued}), the part of DESIGN §5.4 that runs a
 * job again after a crash and lets several nodes share the jobs. Said here explicitly: until now it ran only because
 * a library's auto-configuration (Spring Modulith Moments) happens to enable scheduling, and would have stopped
 * silently without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MiningScheduling {
}
