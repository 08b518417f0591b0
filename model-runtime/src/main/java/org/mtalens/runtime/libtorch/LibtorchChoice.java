package org.mtalens.runtime.libtorch;

/**
 * Which libtorch MTA Lens starts PyTorch with, and why.
 *
 * @param flavour  {@code cpu}, {@code cu124}, or what the user's DJL settings name ({@code as DJL finds it} when none)
 * @param cuda     whether it is a CUDA libtorch (false when the user's DJL settings decide)
 * @param reason   why, in the user's words, e.g. {@code no NVIDIA driver: ...}
 * @param bundled  the libtorch MTA Lens points DJL at, or null when DJL finds it itself
 * @param problem  why PyTorch cannot start as asked, for users (null when it can)
 */
public record LibtorchChoice(String flavour, boolean cuda, String reason, BundledLibtorch bundled, String problem) {
    static LibtorchChoice of(BundledLibtorch libtorch, String reason, boolean pointDjlAtIt) {
        return new LibtorchChoice(libtorch.flavour(), libtorch.cuda(), reason, pointDjlAtIt ? libtorch : null, null);
    }

    static LibtorchChoice impossible(String problem) {
        return new LibtorchChoice("none", false, problem, null, problem);
    }
}
