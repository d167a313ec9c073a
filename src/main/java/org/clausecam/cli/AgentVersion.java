package org.clausecam.cli;

import picocli.CommandLine;

/** Clausecam's version, read from the jar manifest (or "dev" when run from classes). */
public final class AgentVersion implements CommandLine.IVersionProvider {

    public static String current() {
        String v = AgentVersion.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"clausecam " + current()};
    }
}
