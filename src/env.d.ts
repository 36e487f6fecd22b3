/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The meeting a page is rendering, so MDX components know what data it saw. */
    meetingId?: string;
  }
}
